/* link/cc-forged-su-tag.sh: A's canonical string names union Q twice,
 * the second time by a back reference (z:u:Q); renamed X, the back
 * reference could mean the union or struct X. */
#include <cuckoo.ckh>

struct W {
    long long a, b, c, d;
};

union Q {
    struct W w;
};

struct X {
    int b;
};

struct A {
    union Q x;
    struct X y;
    union Q z;
};

int main(void)
{
    struct A *p = new(struct A);
    struct A *q = new(struct A);
    p->z.w.a = 0x4141414141414141LL;
    printf("%llx %x\n", q->x.w.a, q->y.b);
    return 0;
}
