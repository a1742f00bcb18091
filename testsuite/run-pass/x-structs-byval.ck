#include <cuckoo.ckh>

struct S1 { char c; };
struct S2 { short a; char b; };
struct S8 { int a; int b; };
struct SD { double d; };
struct SF { float f; };
struct Big { int tag; double w; int arr[7]; struct S2 inner; char name[9]; long long big; };
struct Nest { struct S8 p; struct Big b[2]; struct S1 last; };

struct S1 mk1(char c) { struct S1 s; s.c = c; return s; }
struct S2 mk2(short a, char b) { struct S2 s; s.a = a; s.b = b; return s; }
struct S8 mk8(int a, int b) { struct S8 s = { a, b }; return s; }
struct SD mkd(double d) { struct SD s = { d }; return s; }
struct SF mkf(float f) { struct SF s = { f }; return s; }

struct Big mkbig(int tag)
{
    struct Big b;
    int i;
    b.tag = tag;
    b.w = tag * 0.5;
    for (i = 0; i < 7; i++)
        b.arr[i] = tag * 10 + i;
    b.inner = mk2((short)(tag * 1000), (char)('A' + tag));
    snprintf(b.name, "big%d", tag);
    b.big = (long long)tag << 40;
    return b;
}

struct Big twice(struct Big b)
{
    int i;
    b.tag *= 2;
    b.w *= 2;
    for (i = 0; i < 7; i++)
        b.arr[i] *= 2;
    b.inner.a *= 2;
    b.big *= 2;
    return b;
}

void showbig(const char tag[], struct Big b)
{
    int i;
    printf("%s: %d %g [", tag, b.tag, b.w);
    for (i = 0; i < (int)lengthof(b.arr); i++)
        printf(" %d", b.arr[i]);
    printf(" ] %d %c %s %lld\n", b.inner.a, b.inner.b, b.name, b.big);
}

int mixed(struct S1 a, struct S8 b, double c, struct S2 d, struct Big e, struct SF f, long long g, struct SD h, char i)
{
    return a.c + b.a + b.b + (int)c + d.a + d.b + e.tag + e.arr[6] + (int)f.f + (int)g + (int)h.d + i;
}

struct Nest mknest(int k)
{
    struct Nest n;
    n.p = mk8(k, -k);
    n.b[0] = mkbig(k);
    n.b[1] = twice(n.b[0]);
    n.last = mk1((char)('a' + k));
    return n;
}

int worker(struct Big b, struct S8 s, int k)
{
    return b.arr[k] + s.a * s.b + b.inner.a;
}

typedef struct Big (*bigfn)(struct Big);
typedef struct S2 (*s2fn)(short, char);

int main(void)
{
    struct S1 a = mk1('x');
    struct S2 b = mk2(-7, 'y');
    struct S8 c = mk8(1 << 30, -5);
    struct SD d = mkd(-2.75);
    struct SF f = mkf(1.25f);
    printf("%c %d %c %d %d %g %g\n", a.c, b.a, b.b, c.a, c.b, d.d, (double)f.f);
    printf("%c %d %g\n", mk1('q').c, mk8(3, 4).b, mkd(9.5).d);
    struct Big g = mkbig(3);
    showbig("g", g);
    struct Big h = twice(g);
    showbig("h", h);
    showbig("g", g);
    bigfn fp = twice;
    showbig("fp", fp(fp(g)));
    s2fn f2 = mk2;
    printf("%d %c\n", f2(300, 'z').a, f2(1, 'w').b);
    printf("%d\n", mixed(a, c, 3.9, b, g, f, 0x100000005LL, d, 'e'));
    struct Nest n = mknest(2);
    struct Nest m;
    m = n;
    n.b[1].arr[3] = -1;
    n.b[0].name[0] = 'B';
    showbig("m0", m.b[0]);
    showbig("m1", m.b[1]);
    showbig("n0", n.b[0]);
    showbig("n1", n.b[1]);
    printf("%d %d %c\n", m.p.a, m.p.b, m.last.c);
    {
        struct Big arr[3];
        int i;
        for (i = 0; i < 3; i++)
            arr[i] = mkbig(i + 1);
        arr[0] = arr[2];
        arr[2] = twice(arr[1]);
        for (i = 0; i < 3; i++)
            showbig("arr", arr[i]);
        struct Big *p = &arr[1];
        *p = twice(*p);
        showbig("p", *p);
        p->inner = b;
        showbig("p", arr[1]);
        struct S2 t = (1 < 2) ? mk2(11, 'T') : b;
        printf("%d %c\n", t.a, t.b);
    }
    {
        thread_t t = spawn worker(mkbig(4), mk8(6, 7), 5);
        printf("worker %d\n", join(t));
    }
    return 0;
}
