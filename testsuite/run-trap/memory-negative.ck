/* new(T[n]) with a negative n traps memory. */
#include <cuckoo.ckh>

int main(void)
{
    int n = 5;
    n -= 10;
    printf("n = %d\n", n);
    int (*v)[] = new(int[n]);
    printf("%u\n", lengthof(v));
    return 0;
}
