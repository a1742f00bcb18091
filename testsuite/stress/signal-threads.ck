/* Signals against threads (LANGUAGE.md §10, doc/runtime.md "Signal
   safety"): SIGUSR1 comes from the harness every 10 ms (to the process:
   any thread may take it) and from raise() in the workers, while four
   workers start and join threads, allocate, format and lock.  The handler
   itself allocates, formats, locks a mutex of its own, signals a
   condition, and spawns and joins a thread -- which must not deadlock
   whatever runtime call it interrupted, and must never run on a thread
   whose stack limit is not yet set.
   Under qemu-i386 7.2 too since the runtime routes signals to a thread
   of its own (doc/runtime.md "Signals with threads"). */
#include <cuckoo.ckh>

mutex_t *handler_lock;          /* taken by handlers only */
cond_t *handler_cond;
int handled;

mutex_t *work_lock;             /* taken by workers only */
cond_t *work_cond;
long long work_total;

int tiny(int n)
{
    char buf[32];
    snprintf(buf, "%d", n);
    return atoi(buf) + 1;
}

void on_usr1(int sig)
{
    int (*v)[] = new(int[8]);
    char buf[64];
    snprintf(buf, "%d %.3f", sig, 2.5);
    v[1] = strlen(buf);
    mutex_lock(handler_lock);
    handled++;
    mutex_unlock(handler_lock);
    cond_signal(handler_cond);
    cond_broadcast(handler_cond);
    thread_t t = spawn tiny(sig);
    v[0] = join(t);
    if (v[0] != sig + 1 || v[1] != 8)
        abort();
    delete(v);
}

int worker(int id, int rounds)
{
    long long sum = 0;
    for (int i = 0; i < rounds; i++) {
        thread_t t[3];
        for (int k = 0; k < 3; k++)
            t[k] = spawn tiny(i + k);
        int (*a)[] = new(int[i % 32 + 1]);
        a[i % 32] = i;
        char buf[48];
        snprintf(buf, "%d:%f", id, i * 0.5);
        mutex_lock(work_lock);
        work_total += a[i % 32];
        cond_signal(work_cond);
        mutex_unlock(work_lock);
        for (int k = 0; k < 3; k++)
            sum += join(t[k]);
        delete(a);
        if (i % 50 == id)
            raise(SIGUSR1);
    }
    return (int) (sum % 1000003);
}

int main(void)
{
    handler_lock = mutex_new();
    handler_cond = cond_new();
    work_lock = mutex_new();
    work_cond = cond_new();
    signal_handler(SIGUSR1, on_usr1);
    printf("ready\n");
    fflush(stdout);
    /* `make stress` sets CUCKOO_STRESS_SCALE=20. */
    int rounds = 1500;
    string *scale = getenv("CUCKOO_STRESS_SCALE");
    if (scale != NULL && atoi(*scale) > 1)
        rounds = rounds * atoi(*scale);
    thread_t w[4];
    for (int id = 0; id < 4; id++)
        w[id] = spawn worker(id, rounds);
    long long check = 0;
    for (int id = 0; id < 4; id++)
        check += join(w[id]);
    long long want = 0;
    for (int id = 0; id < 4; id++) {
        long long sum = 0;
        for (int i = 0; i < rounds; i++)
            for (int k = 0; k < 3; k++)
                sum += i + k + 1;
        want += sum % 1000003;
    }
    printf("results %s\n", check == want ? "right" : "wrong");
    printf("total %s\n", work_total == 4LL * (rounds - 1) * rounds / 2 ? "right" : "wrong");
    printf("handled %s\n", handled >= 4 * (rounds / 50) ? "enough" : "too few");
    return 0;
}
