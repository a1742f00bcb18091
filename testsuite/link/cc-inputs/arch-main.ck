/* arch-*.ck: arch-sum.o and arch-bad.o go into libfoo.a; this program only
 * needs sum, so arch-bad.o (whose sum is declared with another type) is
 * not pulled in. */
#include <cuckoo.ckh>
int sum(const int v[]);
int main(void) {
    int d[4] = {10, 20, 30, 40};
    printf("sum %d\n", sum(d));
    return 0;
}
