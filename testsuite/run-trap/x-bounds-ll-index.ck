/* A long long index whose low word is in range must still trap. */
#include <cuckoo.ckh>

int pick(int a[], long long k) { return a[k]; }

int main(void)
{
    int a[5] = { 1, 2, 3, 4, 5 };
    long long k = 4;
    printf("%d\n", pick(a, k));
    k = 0x100000000LL + 2;
    printf("%d\n", pick(a, k));
    return 0;
}
