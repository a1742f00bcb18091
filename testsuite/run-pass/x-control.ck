#include <cuckoo.ckh>

static int trace[100];
static int nt;
int T(int x) { trace[nt++] = x; return x; }
void dump(const char tag[])
{
    int i;
    printf("%s:", tag);
    for (i = 0; i < nt; i++) printf(" %d", trace[i]);
    printf("\n");
    nt = 0;
}

int sparse(int x)
{
    int r = 0;
    switch (x) {
    case -2147483647 - 1: r = 1; break;
    case -1000000: r = 2;
    case -5: r += 3;
    case 0: r += 4; break;
    case 3: case 4: case 5: r = 5; break;
    case 1000: { r = 6; break; }
    case 65536: r = 7;
    default: r += 100;
    case 2147483647: r += 8; break;
    case 0x7ffffffe: return -1;
    }
    return r;
}

int usw(unsigned x)
{
    switch (x) {
    case 0xffffffffu: return 1;
    case 0x80000000u: return 2;
    case 1: return 3;
    }
    return 0;
}

int csw(char c)
{
    switch (c) {
    case 'a': return 1;
    case -1: return 2;
    case '\x80': return 3;
    default: return 0;
    }
}

int gotos(int n)
{
    int i = 0, s = 0;
    if (n > 5) goto inside;
    for (i = 0; i < n; i++) {
        s += i;
    inside:
        s += 100;
        if (s > 1000) goto out;
    }
    s = -s;
out:
    return s;
}

int duff(int n)
{
    int count = 0;
    int k = (n + 3) / 4;
    switch (n % 4) {
    case 0: do { count += 1;
    case 3: count += 10;
    case 2: count += 100;
    case 1: count += 1000;
            } while (--k > 0);
    }
    return count;
}

int main(void)
{
    int vals[14] = { -2147483647 - 1, -1000000, -5, 0, 3, 4, 5, 6, 1000, 65536, 2147483647, 0x7ffffffe, -6, 1 };
    int i;
    for (i = 0; i < 14; i++)
        printf("%d ", sparse(vals[i]));
    printf("\n%d %d %d %d\n", usw(0xffffffffu), usw(0x80000000u), usw(1), usw(2));
    printf("%d %d %d %d\n", csw('a'), csw(-1), csw((char)0x80), csw(0));
    printf("%d %d %d %d\n", gotos(0), gotos(3), gotos(7), gotos(20));
    printf("%d %d %d %d %d\n", duff(1), duff(2), duff(3), duff(4), duff(9));

    /* short circuits with side effects */
    if (T(0) && T(1)) T(2);
    if (T(3) || T(4)) T(5);
    if ((T(0) || T(6)) && (T(7) || T(8)) && !T(0)) T(9);
    i = T(1) && T(0) || T(10) && T(11);
    T(i);
    i = (T(0) ? T(12) : T(13)) + (T(14) ? T(15) : T(16));
    T(i);
    i = (T(1), T(2), T(3));
    T(i);
    dump("sc");
    {
        long long big = 0x100000000LL;
        double z = -0.0, nan = z / z;
        int n = 0;
        if (big && T(1)) n++;
        if (big & 0xffffffffLL || T(2)) n += 2;
        if (z || T(3)) n += 4;
        if (nan && T(4)) n += 8;
        if (!nan) n += 16;
        if (nan != nan) n += 32;
        n += (z ? 1000 : 0) + (nan ? 64 : 0);
        T(n);
        dump("cond");
    }
    /* ?: with mixed types */
    {
        int k = -1;
        unsigned u = 1;
        long long ll = -3;
        double d = 2.5;
        char c = 'A';
        printf("%u\n", 1 ? k : u);
        printf("%lld\n", 1 ? k : ll);
        printf("%lld\n", 0 ? ll : u);
        printf("%g\n", 1 ? k : d);
        printf("%g\n", 0 ? c : d);
        printf("%d\n", (int)sizeof(1 ? c : c));
        printf("%d\n", (int)sizeof(1 ? c : k));
        printf("%d %d\n", k < u, k < ll);
        _Bool bb = 0;
        printf("%d\n", bb ? 5 : c);
        float fl = 0.1f;
        printf("%.17g\n", 1 ? fl : d);
        unsigned long long ul = 1 ? k : 0ULL;
        printf("%llu\n", ul);
        i = k < 0 ? k > -5 ? 1 : 2 : k == 0 ? 3 : 4;
        printf("%d\n", i);
    }
    /* loops: break/continue nested, do-while with complex conditions */
    {
        int s = 0, j;
        for (i = 0; i < 10; i++) {
            if (i == 2) continue;
            for (j = 0; ; j++) {
                if (j > i) break;
                if ((i + j) % 3 == 0) continue;
                s += i * j;
            }
            if (s > 200) break;
        }
        printf("%d %d\n", s, i);
        i = 0;
        do {
            i += 3;
            if (i % 2) continue;
            i++;
        } while (i < 40 && i != 20);
        printf("%d\n", i);
        unsigned cnt = 0;
        for (unsigned uu = 10; uu < 100; uu -= 3) cnt++;
        printf("%u\n", cnt);
        for (long long q = 5; q > -5; q -= 2) cnt += (unsigned)q;
        printf("%u\n", cnt);
    }
    return 0;
}
