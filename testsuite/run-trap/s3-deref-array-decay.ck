/* §3: *b of a pointer to an array used only as an address (it decays to
 * a pointer to the array) still checks b. */
#include <cuckoo.ckh>
int sum(const int v[]) {
    int s = 0;
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v[i];
    return s;
}
int main(void) {
    int (*b)[] = NULL;
    printf("before\n");
    int (*q)[] = *b;
    printf("after %d\n", sum(q));
    return 0;
}
