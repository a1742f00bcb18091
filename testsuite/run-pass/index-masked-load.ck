/* An index masked by a constant straight from memory (`g & 3`): at -O1
 * and up the load may not be folded into the `and`, or the mask is no
 * longer the immediate that bounds the index for cuckoo-ld. */
#include <cuckoo.ckh>
int g;
struct s { int k; unsigned long long v[8]; };
struct s gs;
int main(void) {
    unsigned long long u0 = 0x4cf6ea7c2bULL;
    unsigned long long ula[4] = {0};
    int small[16];
    int i1 = g;
    ula[i1 & 3] -= u0;
    printf("%llu\n", ula[0]);
    for (int j = 0; j < 16; j++)
        small[j] = j * 3;
    for (int j = 0; j < 40; j++) {
        g = j * 7;
        gs.k = j;
        small[g & 15] += 1;
        gs.v[gs.k & 7] += (unsigned long long)j << 33;
    }
    int sum = 0;
    for (int j = 0; j < 16; j++)
        sum += small[j];
    printf("%d %llu %llu\n", sum, gs.v[0], gs.v[7]);
    return 0;
}
