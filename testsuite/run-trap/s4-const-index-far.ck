/* §4: an index the compiler can work out and that is out of range still
 * traps at run time (never a compile or link error): the access after an
 * always-failing check is not emitted, so no address outside the object
 * reaches the linker.  Found by the random program generator. */
#include <cuckoo.ckh>
int g[4];
int gi;
struct S { int a[3]; } gs;
int main(void) {
    printf("before\n");
    if (gi)
        return g[(gi = 1000)];
    int *ip = &gs.a[(gi = 1000)];
    g[(gi = 1000)] = 1;
    return *ip;
}
