/* Issue 10, item 8: signals while threads exist must not break join or a
   later spawn -- under qemu-i386 7.2 too, where a handler's return used to
   leave a thread with another thread's TLS (join then returned another
   thread's result or trapped "join of the calling thread itself", and a
   later spawn crashed).  Workers compute known sums in rounds of spawn and
   join; signals come from the harness (SIGUSR1 every 10 ms, to the
   process), from kill() of the process itself and raise() in the workers,
   and from alarm().  Handlers spawn and join a thread of their own.  Every
   join must return its thread's own result, and the program must end with
   the output of signal-join.out.  CUCKOO_STRESS_SCALE multiplies the
   rounds (`make stress`: 20); stress/qemu.sh runs it under qemu-i386. */
#include <cuckoo.ckh>

int usr1_seen;
int alarm_seen;
int handler_spawns_wrong;

int square(int n)
{
    return n * n;
}

void on_usr1(int sig)
{
    atomic_add(&usr1_seen, 1);
    /* a handler that starts and joins a thread while others run */
    if (atomic_load(&usr1_seen) % 8 == 0) {
        thread_t t = spawn square(sig);
        if (join(t) != sig * sig)
            atomic_add(&handler_spawns_wrong, 1);
    }
}

void on_alarm(int sig)
{
    atomic_store(&alarm_seen, sig);
}

int sum_to(int id, int n)
{
    long long s = 0;
    for (int i = 1; i <= n; i++) {
        s += i;
        if (i % 500 == 0)
            kill(getpid(), SIGUSR1);
        if (i % 1700 == 0)
            raise(SIGUSR1);
    }
    return (int)(s % 1000003) + id;
}

int expected(int id, int n)
{
    long long s = (long long)n * (n + 1) / 2;
    return (int)(s % 1000003) + id;
}

int main(void)
{
    int rounds = 40;
    string *scale = getenv("CUCKOO_STRESS_SCALE");
    if (scale != NULL && atoi(*scale) > 1)
        rounds *= atoi(*scale);
    signal_handler(SIGUSR1, on_usr1);
    signal_handler(SIGALRM, on_alarm);
    printf("start\n");
    fflush(stdout);
    alarm(1);
    int wrong = 0;
    for (int r = 0; r < rounds; r++) {
        thread_t t[4];
        for (int i = 0; i < 4; i++)
            t[i] = spawn sum_to(i + 10 * r, 3000 + 1000 * i + r);
        for (int i = 0; i < 4; i++) {
            int got = join(t[i]);
            if (got != expected(i + 10 * r, 3000 + 1000 * i + r)) {
                printf("round %d thread %d: join returned %d\n", r, i, got);
                wrong++;
            }
        }
    }
    /* the alarm comes after a second at most; then one more round, since
       a spawn after signals is what used to crash */
    for (int waited = 0; atomic_load(&alarm_seen) == 0 && waited < 50; waited++)
        sleep_ns(100000000);
    thread_t last = spawn sum_to(7, 2500);
    int last_ok = join(last) == expected(7, 2500);
    printf("rounds done, wrong joins: %d\n", wrong);
    printf("last spawn after the signals: %s\n", last_ok ? "ok" : "WRONG");
    printf("handlers ran: %s, alarm: %d, handler threads wrong: %d\n",
           atomic_load(&usr1_seen) > 0 ? "yes" : "no", atomic_load(&alarm_seen),
           atomic_load(&handler_spawns_wrong));
    return 0;
}
