/* Loops nested deeper than the lowering once allowed (its break/continue stacks). */
#include <cuckoo.ckh>

int main(void)
{
    int n = 0, m = 0;
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    do {
    n++;
    if (n < 5) continue;
    m = n;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    } while (n < 5);
    m += 1000;
    printf("%d %d\n", n, m);
    return 0;
}
