/* Found by fuzzing (cuckoo-gen seed 842, reduced): at -O0, %eax holds the
 * constant 0 on the way into the loop test and an element address still
 * to be checked on the way round; the proof writer joined the two into
 * that element address, a state the constant 0 does not fit, and
 * cuckoo-ld refused the program.  The join now knows nothing of them.
 * (Also a right side that changes the pointer its left side indexes,
 * LANGUAGE.md §2.) */
#include <cuckoo.ckh>
struct S { int a[4]; int v; };
struct S gs;
struct S *sp = &gs;
int ga[3];
int main(void) {
    int i0 = 0, i1, k;
    int (*p0)[] = &ga;
    struct S s0;
    (++((i1 = i0) ? &ga : &ga)[1]);
    for (k = 0; k < 2; k++) p0[k] += (p0 = k ? &ga : &ga, 1);
    s0.a[0] = sp->v++;
    printf("%d %d %d %d\n", ga[0], ga[1], ga[2], s0.a[0]);
    return 0;
}
