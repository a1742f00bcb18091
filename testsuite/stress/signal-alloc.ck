/* Signal-handler allocation stress: a SIGALRM handler allocates and frees
   while the main thread allocates in a loop.  SIGALRM
   comes both from raise() and from outside (the harness sends it every
   10 ms once "ready" is printed: signal-alloc.signal).  The allocator must
   not deadlock when a signal interrupts it (LANGUAGE.md §5).
   Single-threaded on purpose: qemu-i386 7.2 loses the main thread's TLS
   when a signal handler returns while other threads exist (see README). */
#include <cuckoo.ckh>

struct pair {
    int a, b;
    struct pair *next;
};

volatile int handled;

void on_alarm(int sig)
{
    int (*v)[] = new(int[16]);
    v[sig % 16] = sig;
    struct pair *p = new(struct pair);
    p->a = v[14];
    if (p->a == 14)
        handled++;
    delete(p);
    delete(v);
}

int main(void)
{
    signal_handler(SIGALRM, on_alarm);
    printf("ready\n");
    fflush(stdout);
    long long total = 0;
    for (int i = 0; i < 200000; i++) {
        int (*a)[] = new(int[i % 64 + 1]);
        a[i % 64] = i;
        total += a[i % 64];
        struct pair *p = new(struct pair);
        p->next = new(struct pair);
        p->next->a = 1;
        delete(p->next);
        delete(p);
        delete(a);
        if (i % 1000 == 0)
            raise(SIGALRM);
    }
    printf("total %lld\n", total);
    printf("handled %s\n", handled >= 200 ? "enough" : "too few");
    return 0;
}
