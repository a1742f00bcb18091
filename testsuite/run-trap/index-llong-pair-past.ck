/* A long long index in a register pair (-O1 and up) past the end of a
 * heap array whose length is read from memory: the low register is
 * compared with the length word in place, and the trap names the index
 * and the length, the same at every level. */
#include <cuckoo.ckh>

long long total(long long a[], long long from, long long to)
{
    long long s = 0;
    for (long long i = from; i < to; i++)
        s = s * 3 + a[i];
    return s;
}

int main(void)
{
    long long (*v)[] = new(long long[10]);
    for (int i = 0; i < 10; i++)
        v[i] = i * 1000000007LL;
    printf("%lld\n", total(v, 0, 10));
    printf("%lld\n", total(v, 4, 12));
    return 0;
}
