/* x /= 0 with a variable zero divisor traps at the /=. */
#include <cuckoo.ckh>

int main(void)
{
    int x = 100;
    int d = 3;
    while (d >= 0) {
        x /= d;
        printf("%d\n", x);
        d--;
    }
    return 0;
}
