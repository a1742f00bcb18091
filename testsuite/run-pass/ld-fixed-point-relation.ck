/* cuckoo-ld's fixed point: a relation (here: %eax is a's low word times
 * two, from the shift) that a loop's head gets from a stale edge state and
 * drops at the next join swapped between two states for ever, "no fixed
 * point after 1000 passes" at -O0 (found by fuzzing; tld/verify.c,
 * join_into: after many passes a head keeps a relation only where it had
 * that very one). */
#include <cuckoo.ckh>
static long long f0(void) {
    long long a = 0;
    int x = 0;
    for (int i = 0; i < 0; i++)
        a = 0;
    a <<= 1;
    for (int k = 0; k < 1; k++)
        x = !k;
    return x + a;
}
int main(void) { printf("%lld\n", f0()); return 0; }
