/* Falling off the end of main returns 0. */
#include <cuckoo.ckh>

int main(void)
{
    int x = 1;
    while (x < 1000)
        x *= 3;
    printf("x %d\n", x);
    putchar('!');
    putchar('\n');
}
