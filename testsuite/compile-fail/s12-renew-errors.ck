/* §12.1: renew's operand is a modifiable lvalue of type T (*)[] that
 * holds the result of new, and its length an integer. */
#include <cuckoo.ckh>
int (*f(void))[] { return NULL; }
int main(void) {
    int (*sized)[4] = NULL;
    int (*const cp)[] = NULL;
    int a[3];
    int (*p)[] = NULL;
    renew(sized, 2);
    renew(cp, 2);
    renew(f(), 2);
    renew(p, 2.5);
    renew(&a, 2);
    int x = 0;
    renew(x, 1);
    return 0;
}
