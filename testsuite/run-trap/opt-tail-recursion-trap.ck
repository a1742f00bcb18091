/* A check inside a tail-recursive function made a loop at -O2
   (cc/opt/tailrec.c) traps at the same index, line and column, in the
   same function, as the recursion does at -O0: the sum runs off the end
   of the array after adding every element. */
#include <cuckoo.ckh>

static long long sum_from(int (*a)[], int i)
{
    if (i > 100)
        return 0;
    return a[i] + sum_from(a, i + 1);
}

int main(void)
{
    int v[5] = {1, 2, 3, 4, 5};
    printf("before\n");
    printf("%lld\n", sum_from(&v, 0));
    return 0;
}
