/* §3: &*p checks p; (&*p)[i] must not index from absolute address 0. */
#include <cuckoo.ckh>
int main(int argc, string *argv[]) {
    int (*b)[4] = NULL;
    int i = argc + 1;
    printf("before\n");
    (&*b)[i] = 3;
    printf("after\n");
    return 0;
}
