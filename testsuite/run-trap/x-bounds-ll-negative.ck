/* A negative long long index into a fixed-size local array. */
#include <cuckoo.ckh>

int main(void)
{
    int a[5] = { 1, 2, 3, 4, 5 };
    long long k;
    int s = 0;
    for (k = 4; k > -10; k--) {
        s += a[k];
        printf("%d\n", s);
    }
    return 0;
}
