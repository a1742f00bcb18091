/* Threads that recurse, allocate and spawn further threads. */
#include <cuckoo.ckh>

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int depth_sum(int n)
{
    int local[8];
    local[n % 8] = n;
    return n == 0 ? 0 : local[n % 8] + depth_sum(n - 1);
}

int tree(int level)
{
    if (level == 0)
        return 1;
    thread_t left = spawn tree(level - 1);
    thread_t right = spawn tree(level - 1);
    return 1 + join(left) + join(right);
}

int builder(int n)
{
    int (*v)[] = new(int[n]);
    for (int i = 0; i < n; i++)
        v[i] = i % 7;
    int s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    delete(v);
    return s;
}

int main(void)
{
    thread_t a = spawn fib(20);
    thread_t b = spawn depth_sum(5000);
    thread_t c = spawn tree(3);
    thread_t d[4];
    for (int i = 0; i < 4; i++)
        d[i] = spawn builder(1000 * (i + 1));
    printf("fib %d\n", join(a));
    printf("depth %d\n", join(b));
    printf("tree %d\n", join(c));
    for (int i = 0; i < 4; i++)
        printf("builder %d\n", join(d[i]));
    return 0;
}
