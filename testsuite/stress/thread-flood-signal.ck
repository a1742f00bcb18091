/* A spawn/join flood under signals (LANGUAGE.md §10, doc/runtime.md
   "Signal safety"): three workers each start and join short threads in a
   loop while they allocate, format and lock; SIGALRM comes from the
   harness every 10 ms (to the process: any thread, including one that is
   starting, joining or exiting, may take it) and from raise() in the
   workers and the children.  The handler spawns and joins a thread,
   signals and broadcasts a condition, allocates and formats -- none of
   which may deadlock whatever runtime call it interrupted -- and checks
   that it runs on a thread whose stack limit is set (a deep recursion in
   it must not get past its own stack: it is bounded and checked).
   CUCKOO_STRESS_SCALE multiplies the rounds (`make stress`: 20).
   Under qemu-i386 too (stress/qemu.sh; doc/runtime.md). */
#include <cuckoo.ckh>

mutex_t *count_lock;
cond_t *wake;
int handled;
long long work_total;

int depth(int n)
{
    char pad[256];
    pad[n % 256] = (char) n;
    if (n == 0)
        return pad[0];
    return depth(n - 1) + (pad[n % 256] == (char) n);
}

int child(int n)
{
    char buf[40];
    snprintf(buf, "%d-%x", n, n * 7);
    if (n % 97 == 0)
        raise(SIGALRM);
    return strlen(buf) > 0 ? n + 1 : 0;
}

void on_alarm(int sig)
{
    thread_t t = spawn child(sig);
    int (*v)[] = new(int[4]);
    char buf[64];
    snprintf(buf, "%d %s %.2f", sig, "alarm", 0.25);
    cond_signal(wake);
    cond_broadcast(wake);
    v[0] = join(t);
    v[1] = depth(40);
    if (v[0] != sig + 1 || v[1] != 40 || strcmp(buf, "14 alarm 0.25") != 0)
        abort();
    delete(v);
    mutex_lock(count_lock);
    handled++;
    mutex_unlock(count_lock);
}

int worker(int id, int rounds)
{
    long long sum = 0;
    for (int i = 0; i < rounds; i++) {
        thread_t a = spawn child(i);
        thread_t b = spawn child(i + 1);
        int (*x)[] = new(int[i % 50 + 1]);
        x[i % 50] = i;
        char buf[48];
        snprintf(buf, "%d:%d:%g", id, i, i * 0.5);
        mutex_lock(count_lock);
        work_total += x[i % 50];
        mutex_unlock(count_lock);
        cond_signal(wake);
        sum += join(a) + join(b);
        delete(x);
        if (i % 64 == id)
            raise(SIGALRM);
    }
    return (int) (sum % 1000003);
}

int main(void)
{
    count_lock = mutex_new();
    wake = cond_new();
    signal_handler(SIGALRM, on_alarm);
    int scale = 1;
    string *env = getenv("CUCKOO_STRESS_SCALE");
    if (env != NULL && atoi(env) > 0)
        scale = atoi(env);
    int rounds = 400 * scale;
    printf("ready\n");
    fflush(stdout);
    thread_t w[3];
    for (int k = 0; k < 3; k++)
        w[k] = spawn worker(k, rounds);
    long long want = 0;
    for (int i = 0; i < rounds; i++)
        want += 2 * i + 3;
    int ok = 1;
    for (int k = 0; k < 3; k++)
        if (join(w[k]) != (int) (want % 1000003))
            ok = 0;
    long long total_want = 0;
    for (int i = 0; i < rounds; i++)
        total_want += 3 * i;
    printf("total %s\n", work_total == total_want ? "right" : "WRONG");
    printf("results %s\n", ok ? "right" : "WRONG");
    printf("handled %s\n", handled >= 3 ? "enough" : "too few");
    return 0;
}
