/* §13.1: a struct holding owned pointers is not copied (each owned
 * pointer would then have two holders); `own` qualifies pointers only. */
#include <cuckoo.ckh>
struct node { int v; struct node *own next; };
struct pair { struct node *own a; struct node *own b; };
void byval(struct pair p) { }
int own n;
struct node *own global g;
int main(void) {
    struct pair x;
    struct pair y = x;
    y = x;
    byval(x);
    struct node *own m = NULL;
    struct node *own *pm = &m;
    return 0;
}
