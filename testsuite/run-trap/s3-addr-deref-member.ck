/* §3: &*p checks p against NULL even though only its address is used;
 * without the check (&*p)->y would store at absolute address 4. */
#include <cuckoo.ckh>
struct S { int x; int y; };
struct S *gp;
int main(void) {
    struct S *p = gp;
    printf("before\n");
    (&*p)->y = 3;
    printf("after\n");
    return 0;
}
