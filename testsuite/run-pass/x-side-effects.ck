#include <cuckoo.ckh>

static int log_[64];
static int nlog;
static int calls;

int f(int x) { calls++; return x; }

struct R { int v; long long w; double d; float fl; char c; unsigned char uc; _Bool b; short s; int arr[4]; };

int main(void)
{
    int a[6] = { 10, 20, 30, 40, 50, 60 };
    long long la[3] = { 1, 2, 3 };
    double da[3] = { 0.5, 1.5, 2.5 };
    float fa[3] = { 0.25f, 1.25f, 2.25f };
    char ca[3] = { 'a', 'b', 'c' };
    unsigned short ua[3] = { 0, 65535, 7 };
    _Bool ba[3] = { 0, 1, 0 };
    struct R rs[2];
    struct R *p = &rs[1];
    int i;

    calls = 0;
    a[f(2)] += f(5);
    a[f(3)] *= f(2) + f(1);
    a[f(1)] -= a[f(0)]++;
    a[f(4)] /= f(7);
    a[f(5)] %= f(7);
    a[f(0)] <<= f(2);
    a[f(5)] >>= f(1);
    a[f(2)] |= f(0x100);
    a[f(3)] &= f(0xff);
    a[f(1)] ^= f(-1);
    for (i = 0; i < 6; i++) printf("%d ", a[i]);
    printf("calls %d\n", calls);

    calls = 0;
    la[f(1)] += f(1000000) * 1000000LL;
    la[f(0)] -= la[f(2)]--;
    la[f(2)] <<= f(40);
    la[f(0)] *= la[f(0)];
    la[f(1)] /= f(-3);
    printf("%lld %lld %lld calls %d\n", la[0], la[1], la[2], calls);

    calls = 0;
    da[f(0)] += f(3);
    da[f(1)] *= da[f(2)]++;
    da[f(2)] /= f(2);
    fa[f(0)] -= f(1);
    fa[f(1)] *= 1.5;
    ++fa[f(2)];
    fa[f(2)]--;
    fa[f(0)]++;
    printf("%g %g %g %g %g %g calls %d\n", da[0], da[1], da[2], (double)fa[0], (double)fa[1], (double)fa[2], calls);

    calls = 0;
    ca[f(0)] += f(200);
    ca[f(1)]++;
    --ca[f(2)];
    ua[f(0)]--;
    ua[f(1)]++;
    ua[f(2)] *= f(10000);
    ba[f(0)]++;
    ba[f(1)]++;
    ba[f(2)]--;
    printf("%d %d %d %d %d %d %d %d %d calls %d\n", ca[0], ca[1], ca[2], ua[0], ua[1], ua[2], ba[0], ba[1], ba[2], calls);

    calls = 0;
    rs[f(0)].v = 5;
    p->v = 7;
    p->w = -1;
    p->d = 2;
    p->fl = 3;
    p->c = 127;
    p->uc = 255;
    p->b = 0;
    p->s = -32768;
    p->v++;
    ++p->w;
    p->d--;
    --p->fl;
    p->c++;
    p->uc++;
    p->b--;
    p->s--;
    p->arr[f(3)] += 9;
    p->arr[f(3)]++;
    rs[f(0)].arr[f(1)] -= rs[f(1)].arr[f(3)]--;
    printf("%d %lld %g %g %d %d %d %d %d %d %d calls %d\n", p->v, p->w, p->d, (double)p->fl, p->c, p->uc, p->b, p->s,
           p->arr[3], rs[0].arr[1], rs[0].v, calls);
    {
        int x = 5, y;
        y = x++ + x++;
        printf("%d %d\n", x, y);
        y = ++x * ++x;
        printf("%d %d\n", x, y);
        y = (x = 3, x + 4);
        printf("%d %d\n", x, y);
        y = x-- - --x;
        printf("%d %d\n", x, y);
        int *q = &a[2];
        *q += *q += 1;
        printf("%d\n", a[2]);
        (*q)++;
        printf("%d %d\n", *q, a[2]);
    }
    return 0;
}
