/* The runtime's own C code must fit in the reserve below a thread's stack
 * limit (LANGUAGE.md §10-§11, issue 7 item 8).  A thread overflows its
 * stack; the trap handler runs at the limit (with half the reserve lent
 * to it) and formats a double with a huge precision, which glibc's printf
 * did with about 80 KiB of stack -- past the thread's stack, over the top
 * of the neighbouring thread's (no guard pages).  The neighbour holds a
 * canary there; the result must be right and the canary intact. */
#include <cuckoo.ckh>

mutex_t *m;
cond_t *c;
int phase;                      /* 1: the victim's canary is set; 2: the handler ran */
thread_t victim_thread;
char out[16400];

int victim(void)
{
    char canary[4000];
    memset_array(canary, 'v', 4000);
    mutex_lock(m);
    phase = 1;
    cond_broadcast(c);
    while (phase != 2)
        cond_wait(c, m);
    mutex_unlock(m);
    int i, bad = 0;
    for (i = 0; i < 4000; i++)
        if (canary[i] != 'v')
            bad++;
    printf("victim canary: %d bad\n", bad);
    return bad;
}

void on_trap(const char kind[], const char detail[])
{
    int n = snprintf(out, "%.16300f", 1.0);
    int i, ok = n == 16302 && out[0] == '1' && out[1] == '.' && out[16302] == 0;
    for (i = 2; i < 16302; i++)
        if (out[i] != '0')
            ok = 0;
    int e = snprintf(out, "%.9000e|%.9000g|%.500f", 1.0 / 3.0, 2.5, 1e-300);
    printf("%s trap; snprintf %d, digits ok %d; %d\n", kind, n, ok, e);
    mutex_lock(m);
    phase = 2;
    cond_broadcast(c);
    mutex_unlock(m);
    exit(join(victim_thread));
}

int down(int n)
{
    int pad[32];
    pad[n % 32] = n;
    return down(n + 1) + pad[n % 32];
}

int attacker(void)
{
    return down(0);
}

int main(void)
{
    m = mutex_new();
    c = cond_new();
    trap_handler(on_trap);
    victim_thread = spawn victim();
    mutex_lock(m);
    while (phase != 1)
        cond_wait(c, m);
    mutex_unlock(m);
    thread_t t = spawn attacker();
    join(t);
    return 1;
}
