/* Pointers to arrays and the conversions and casts of §4.2 and §8. */
#include <cuckoo.ckh>

struct rec {
    int vals[5];
    double w;
};

struct outer {
    struct rec first;
    int extra;
};

int total(const int (*p)[])
{
    int s = 0;
    for (unsigned i = 0; i < lengthof(p); i++)
        s += (*p)[i];
    return s;
}

int main(void)
{
    int a[6] = {1, 2, 3, 4, 5, 6};
    int (*p6)[6] = a;
    int (*pu)[] = a;
    int (*p4)[4] = (int (*)[4])p6;
    int (*pc)[5] = (int (*)[5])pu;
    printf("lengths %u %u %u %u\n", lengthof(p6), lengthof(pu), lengthof(p4), lengthof(pc));
    printf("elems %d %d %d %d\n", p6[5], pu[5], p4[3], (*pc)[4]);
    p4[0] = 100;
    printf("shared %d %d\n", a[0], total(p4));
    printf("totals %d %d %d\n", total(a), total(pu), total(pc));
    const int (*cp)[] = pu;
    printf("const %d\n", cp[1]);
    int (*exact)[6] = (int (*)[6])pu;
    printf("exact %d %u\n", exact[2], lengthof(exact));
    int (*nothing)[] = NULL;
    int (*cast_null)[3] = (int (*)[3])nothing;
    printf("null %d %d\n", nothing == NULL, cast_null == NULL);
    if (!nothing && pu)
        printf("conditions ok\n");
    pu = new(int[3]);
    pu[2] = 7;
    int (*three)[3] = (int (*)[3])pu;
    printf("heap %d %u\n", three[2], lengthof(three));
    int (*same)[] = three;
    printf("eq %d %d\n", same == pu, pu == (int (*)[])p6);
    delete(pu);

    struct rec r = {{10, 20, 30, 40, 50}, 0.5};
    struct rec *rp = &r;
    int (*vp)[5] = (int (*)[5])rp;
    printf("first member %d %u\n", vp[4], lengthof(vp));
    printf("first member direct %d\n", ((int (*)[5])rp)[0]);
    struct outer o;
    o.first.vals[1] = 77;
    struct outer *op = &o;
    struct rec *inner = (struct rec *)op;
    int (*deep)[5] = (int (*)[5])op;
    printf("transitive %d %d\n", inner->vals[1], deep[1]);
    int *one = &a[3];
    *one = 44;
    printf("element %d %d\n", a[3], *one);
    int (*row)[] = a;
    int x = (*row)[1];
    printf("deref %d\n", x);
    return 0;
}
