/* Unbounded recursion in a spawned thread (1 MiB stack) traps stack. */
#include <cuckoo.ckh>

int down(int n)
{
    int pad[32];
    pad[n % 32] = n;
    return down(n + 1) + pad[n % 32];
}

int main(void)
{
    printf("spawning\n");
    thread_t t = spawn down(0);
    return join(t);
}
