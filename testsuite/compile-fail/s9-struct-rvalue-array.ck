/* §9: an array inside a struct or union value that is not an lvalue (the
 * result of a call, ?:, = or ,) lives in the frame as an automatic
 * temporary: its address is stack-bound, whatever the struct was copied
 * from. */
struct S { int a[4]; int x; };
union U { int x; };
int (*gp)[];
int *gq;
struct S g1, g2;
static struct S make(void) { struct S s; return s; }
static int (*give(void))[] { return make().a; }
void keep(int (*global p)[]) { gp = p; }
void f(int c) {
    struct S s1;
    struct S s2;
    gp = make().a;
    gp = (c ? s1 : s2).a;
    gp = (s1 = s2).a;
    gp = (0, s1).a;
    gq = &make().a[1];
    gp = (c ? g1 : g2).a;
    int (*lp)[] = make().a;
    gp = lp;
    keep((0, g1).a);
    int (*hp)[] = new(int[2]);
    hp[0] = *gq;
}
int main(void) { f(1); give(); return 0; }
