/* Unions of plain members. */
#include <cuckoo.ckh>

union word {
    unsigned u;
    int i;
    float f;
};

union bits {
    double d;
    unsigned long long u;
    struct {
        unsigned lo, hi;
    } half;
};

union small {
    char c;
    short s;
};

struct tagged {
    int kind;
    union {
        int i;
        double d;
    } v;
};

void show(struct tagged t)
{
    if (t.kind == 0)
        printf("int %d\n", t.v.i);
    else
        printf("double %g\n", t.v.d);
}

int main(void)
{
    union word w;
    w.f = 1.0f;
    printf("float bits %x\n", w.u);
    w.i = -1;
    printf("unsigned %u\n", w.u);
    union bits b;
    b.d = 1.0;
    printf("double bits %llx %x %x\n", b.u, b.half.hi, b.half.lo);
    b.u = 0x4000000000000000ULL;
    printf("double %f\n", b.d);
    union small s;
    s.s = 0x1234;
    printf("small %x %u\n", s.c, sizeof(union small));
    printf("sizes %u %u\n", sizeof(union bits), sizeof(struct tagged));
    struct tagged t1 = {0, {.i = 7}};
    struct tagged t2;
    t2.kind = 1;
    t2.v.d = 0.25;
    show(t1);
    show(t2);
    union word copy = w;
    w.u = 0;
    printf("copy %d\n", copy.i);
    union bits *hb = new(union bits);
    hb->half.hi = 0x3ff00000;
    printf("heap %f\n", hb->d);
    delete(hb);
    return 0;
}
