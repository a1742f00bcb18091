/* §10: a spawned thread gets CUCKOO_THREAD_STACK bytes of stack when it is
 * set (here 8 MiB, see the .env file): this recursion needs about 3 MiB,
 * more than the default 1 MiB. */
#include <cuckoo.ckh>

int depth(int n) {
    int pad[16];
    pad[n % 16] = n;
    if (n == 0)
        return 0;
    return depth(n - 1) + pad[n % 16] - n + 1;
}

int deep(int n) { return depth(n); }

int main(void)
{
    thread_t t = spawn deep(40000);
    printf("depth %d\n", join(t));
    return 0;
}
