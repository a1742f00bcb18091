/* -Wunreachable-code (TOOLCHAIN.md "Conventions"): a `break` or `return`
 * that cannot run is a C habit, not a mistake -- `abort(); break;` in a
 * case, `return 0;` after an endless loop or after exit() -- and gets no
 * warning (gcc gives none; clang keeps them for -Wunreachable-code-break
 * and -return); any other statement that cannot run still gets one, also
 * one after such a break or return. */
#include <cuckoo.ckh>
static int classify(int x) {
    switch (x) {
    case 0:
        return 10;
    default:
        abort();
        break;
    }
    return 0;
}
static int forever(void) {
    for (;;) {
        if (rand() > 5)
            return 1;
    }
    return 0;
}
static int after(int n) {
    return n;
    return 0;
    n++;
}
int main(void) {
    printf("%d %d %d\n", classify(1), forever(), after(2));
    exit(0);
    return 0;
}
