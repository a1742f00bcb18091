/* The runtime's own mutexes and conditions (doc/runtime.md "Mutexes and
   condition variables": futex words, not pthread objects) under load,
   while a SIGALRM handler signals and broadcasts every condition, so that
   waiters wake spuriously at any moment:
   - mutual exclusion: four threads add 1 to a plain int under one mutex;
     the total must be exact;
   - a bounded buffer of 4 with three producers and three consumers and a
     condition per predicate (cond_signal only): every value must arrive
     exactly once, no thread may sleep through its wake-up (a lost wake-up
     hangs the test past its time limit);
   - a barrier of four threads over many rounds (cond_broadcast): nobody
     may pass a round before everybody arrived, nobody may stay behind;
   - cond_timedwait with short timeouts as the consumers' wait of the last
     part: it must still see every value;
   - mutex_trylock against a held mutex never takes it. */
#include <cuckoo.ckh>

mutex_t *lock;
cond_t *not_full;
cond_t *not_empty;
int ring[4];
int head, tail, count;
int counter;
int alarms;

int scale(void) {
    string *s = getenv("CUCKOO_STRESS_SCALE");
    int k = s == NULL ? 1 : atoi(*s);
    return k < 1 ? 1 : k;
}

void on_alarm(int sig) {
    cond_broadcast(not_full);
    cond_signal(not_empty);
    cond_broadcast(not_empty);
    alarms++;
}

int add(int n) {
    for (int i = 0; i < n; i++) {
        mutex_lock(lock);
        counter = counter + 1;
        mutex_unlock(lock);
    }
    return 0;
}

void put(int v) {
    mutex_lock(lock);
    while (count == 4)
        cond_wait(not_full, lock);
    ring[tail] = v;
    tail = (tail + 1) % 4;
    count++;
    cond_signal(not_empty);
    mutex_unlock(lock);
}

int fetch(int timed) {
    mutex_lock(lock);
    while (count == 0) {
        if (timed)
            cond_timedwait(not_empty, lock, 100000);
        else
            cond_wait(not_empty, lock);
    }
    int v = ring[head];
    head = (head + 1) % 4;
    count--;
    cond_signal(not_full);
    mutex_unlock(lock);
    return v;
}

int produce(int id, int n) {
    for (int i = 1; i <= n; i++)
        put(id * 1000000 + i);
    return 0;
}

long long sums[3];
int seen[3];

int consume(int id, int timed) {
    long long sum = 0;
    int got = 0;
    for (;;) {
        int v = fetch(timed);
        if (v < 0)
            break;
        sum += v;
        got++;
    }
    sums[id] = sum;
    seen[id] = got;
    return 0;
}

/* Round r of the barrier: the last to arrive starts the next round. */
mutex_t *bar_lock;
cond_t *bar_cond;
int arrived, round_no;
int passed_early;

int barrier(int rounds) {
    for (int r = 0; r < rounds; r++) {
        mutex_lock(bar_lock);
        if (round_no != r)
            passed_early++;
        arrived++;
        if (arrived == 4) {
            arrived = 0;
            round_no++;
            cond_broadcast(bar_cond);
        } else {
            while (round_no == r)
                cond_wait(bar_cond, bar_lock);
        }
        mutex_unlock(bar_lock);
    }
    return 0;
}

int try_held(int n) {
    int taken = 0;
    for (int i = 0; i < n; i++)
        taken += mutex_trylock(bar_lock);
    return taken;
}

int buffer_run(int n, int timed) {
    head = tail = count = 0;
    thread_t c[3];
    thread_t p[3];
    for (int i = 0; i < 3; i++)
        c[i] = spawn consume(i, timed);
    for (int i = 0; i < 3; i++)
        p[i] = spawn produce(i + 1, n);
    for (int i = 0; i < 3; i++)
        join(p[i]);
    for (int i = 0; i < 3; i++)
        put(-1);
    long long sum = 0;
    int got = 0;
    for (int i = 0; i < 3; i++) {
        join(c[i]);
        sum += sums[i];
        got += seen[i];
    }
    long long want = 0;
    for (int id = 1; id <= 3; id++)
        want += (long long)id * 1000000 * n + (long long)n * (n + 1) / 2;
    return got == 3 * n && sum == want;
}

int main(void) {
    lock = mutex_new();
    not_full = cond_new();
    not_empty = cond_new();
    bar_lock = mutex_new();
    bar_cond = cond_new();
    signal_handler(SIGALRM, on_alarm);
    printf("start\n");
    int k = scale();

    int n = 50000 * k;
    thread_t a[4];
    for (int i = 0; i < 4; i++)
        a[i] = spawn add(n);
    for (int i = 0; i < 4; i++)
        join(a[i]);
    printf("exclusion: %s\n", counter == 4 * n ? "exact" : "LOST UPDATES");

    printf("buffer: %s\n", buffer_run(20000 * k, 0) ? "all delivered once" : "LOST OR DUPLICATED");
    printf("timed buffer: %s\n", buffer_run(5000 * k, 1) ? "all delivered once" : "LOST OR DUPLICATED");

    int rounds = 5000 * k;
    thread_t b[4];
    for (int i = 0; i < 4; i++)
        b[i] = spawn barrier(rounds);
    for (int i = 0; i < 4; i++)
        join(b[i]);
    printf("barrier: %s\n", round_no == rounds && passed_early == 0 ? "every round together" : "BROKEN");

    mutex_lock(bar_lock);
    thread_t t = spawn try_held(1000);
    printf("trylock of a held mutex: %d\n", join(t));
    mutex_unlock(bar_lock);
    return 0;
}
