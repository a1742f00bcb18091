#include <cuckoo.ckh>

typedef long long ll;
typedef unsigned long long ull;

struct P { char c; ll v; short s; ull u; };

static ll vals[8] = { 0LL, 1LL, -1LL, 0x7fffffffffffffffLL, -0x7fffffffffffffffLL - 1,
                      0x100000000LL, -0x100000001LL, 123456789012345LL };

ll addmul(ll a, ll b, ll c) { return a * b + c; }
ull umix(ull a, unsigned b) { return (a >> (b & 63)) | (a << ((64 - b) & 63)); }
struct P mk(ll v, ull u) { struct P p; p.c = 'x'; p.v = v; p.s = -3; p.u = u; return p; }
ll many(int a, ll b, char c, ll d, double e, ll f, unsigned short g, ll h)
{
    return a + b * 2 + c * 3 + d * 4 + (ll)e * 5 + f * 6 + g * 7 + h * 8;
}

int sw(ll x)
{
    switch (x) {
    case -0x100000000LL: return 1;
    case 0x100000000LL: return 2;
    case 0x7fffffffffffffffLL: return 3;
    case -1: return 4;
    case 0xffffffffLL: return 5;
    case 7: return 6;
    default: return 0;
    }
}

int main(void)
{
    int i, j;
    for (i = 0; i < 8; i++) {
        ll a = vals[i];
        printf("%lld %llx %lld %lld\n", a, (ull)a, a >> 3, a >> 33);
        printf("%llu %llu\n", (ull)a >> 3, (ull)a >> 40);
        printf("%lld %lld\n", a << 1, a << 35);
        printf("%d %u %d %d\n", (int)a, (unsigned)a, (short)a, (signed char)a);
        printf("%g %g\n", (double)a, (double)(ull)a);
        printf("%g\n", (float)(ull)a);
        for (j = 0; j < 8; j++) {
            ll b = vals[j];
            printf(" %d%d%d%d%d%d", a < b, a <= b, a > b, a >= b, a == b, a != b);
            printf("%d%d%d%d", (ull)a < (ull)b, (ull)a <= (ull)b, (ull)a > (ull)b, (ull)a >= (ull)b);
            printf(" %lld %lld %lld", a + b, a - b, a * b);
            printf(" %llx %llx %llx", a & b, a | b, a ^ b);
            if (b != 0 && !(b == -1 && a == vals[4]))
                printf(" %lld %lld", a / b, a % b);
            if (b != 0)
                printf(" %llu %llu", (ull)a / (ull)b, (ull)a % (ull)b);
            printf(" %lld %llx\n", a << (b & 63), (ull)a >> (int)b);
        }
    }
    /* in conditions */
    for (i = 0; i < 8; i++) {
        ll a = vals[i];
        int n = 0;
        if (a) n += 1;
        if (!a) n += 2;
        if (a && vals[(i + 1) & 7]) n += 4;
        if (a || 0) n += 8;
        if (a > 0x7fffffffLL) n += 16;
        if ((ull)a > 0xffffffffULL) n += 32;
        while (a) { a &= a - 1; n += 64; }
        printf("cond %d %d\n", n, sw(vals[i]));
    }
    printf("sw %d %d %d\n", sw(0xffffffffLL), sw(7), sw(-0x100000000LL));
    /* index */
    {
        int arr[10];
        ll k;
        for (k = 0; k < 10; k++) arr[k] = (int)(k * k);
        k = 0x100000003LL;
        printf("idx %d %d\n", arr[(int)k], arr[k - 0x100000000LL]);
    }
    /* passed, returned, in structs */
    {
        struct P p = mk(-5, 0xfedcba9876543210ULL);
        struct P q;
        q = p;
        q.v *= 3;
        q.u >>= 4;
        printf("%c %lld %d %llx %lld %llx\n", q.c, q.v, q.s, q.u, p.v, p.u);
        printf("%lld\n", addmul(0x12345678LL, 0x9abcdefLL, -1));
        printf("%llx %llx\n", umix(0x8000000000000001ULL, 1), umix(0x123456789abcdef0ULL, 36));
        printf("%lld\n", many(1, 2, 'a', -4, 2.9, 0x100000000LL, 65535, -8));
    }
    /* conversions to/from double */
    {
        double ds[6] = { 0.0, -1.5, 9.2233720368547758e18, 1.8e19, -9.2233720368547758e18, 4294967296.75 };
        for (i = 0; i < 6; i++) {
            ll x = (ll)ds[i];
            ull y = (ull)ds[i];
            printf("d2ll %lld %llu\n", x, y);
        }
        ull big = 0xffffffffffffffffULL;
        ull mid = 0x8000000000000400ULL;
        printf("%g %g %g\n", (double)big, (double)mid, (double)(ll)mid);
        float fl = (float)0x7fffffffffffffffLL;
        printf("%g %lld\n", fl, (ll)(float)123456789123LL);
    }
    /* ++/-- */
    {
        ll c = 0xffffffffLL;
        ull u = 0;
        c++; ++c;
        u--;
        { ll c1 = c; ull u1 = u; ll c2 = c--; ull u2 = --u; printf("%lld %llx %lld %llu\n", c1, u1, c2, u2); }
        printf("%lld %llu\n", c, u);
    }
    return 0;
}
