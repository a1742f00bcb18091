/* §5: new(T[e]) of an object whose size exceeds 2^31 - 1 bytes traps memory. */
#include <cuckoo.ckh>

int main(void)
{
    int n = 600000000;          /* 2.4e9 bytes of int */
    printf("asking for %d ints\n", n);
    int (*v)[] = new(int[n]);
    printf("%u\n", lengthof(v));
    return 0;
}
