/* x / -1 is a negation (cc/i386/isel.c, div32), but INT_MIN / -1 still
 * overflows: its check traps first, at every level. */
#include <cuckoo.ckh>

int g = -2147483647 - 1;

int main(void)
{
    int a = g + 1;
    printf("%d %d\n", a / -1, a % -1);
    a = g;
    printf("%d\n", a % -1);
    printf("%d\n", a / -1);
    return 0;
}
