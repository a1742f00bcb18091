/* A long long result handed to its store in %edx:%eax (cc/i386/isel.c,
 * takes_held64): `t->sum += x` stores the sum straight from the registers
 * that computed it, across the store check between them, when the
 * address needs no scratch register; otherwise through its slot.  Every
 * shape prints what -O0 and gcc print. */
#include <cuckoo.ckh>

struct totals {
    int count;
    long long sum;
    long long big[4];
};

static struct totals kept;

/* through a pointer that may be static storage: a store check between */
static void add(struct totals *t, int v)
{
    t->sum += v;
    t->count++;
}

/* an element by index, the index in a register */
static void bump(long long a[], int i, long long x)
{
    a[i] = a[i] * 3 + x;
}

/* many values live at once, so the base or the index may be spilled */
static long long crowd(struct totals *t, int n)
{
    long long s = 0;
    int a = 1, b = 2, c = 3, d = 4, e = 5;
    for (int i = 0; i < n; i++) {
        t->big[i & 3] = t->big[i & 3] + (long long)(a * i - b);
        a += c;
        b ^= d + i;
        c += e;
        d -= a;
        e += b & 7;
        s += t->big[(i + 1) & 3];
    }
    return s + a + b + c + d + e;
}

int main(void)
{
    struct totals *t = new(struct totals);
    for (int i = -50; i < 100; i++) {
        add(t, i * 1000003);
        add(&kept, -i * 77777);
    }
    printf("%d %lld %d %lld\n", t->count, t->sum, kept.count, kept.sum);
    long long v[5] = {1, -2, 3, -4, 5};
    for (int i = 0; i < 5; i++)
        bump(v, i, 1000000000000LL * i);
    printf("%lld %lld %lld %lld %lld\n", v[0], v[1], v[2], v[3], v[4]);
    printf("%lld\n", crowd(t, 37));
    printf("%lld %lld %lld %lld\n", t->big[0], t->big[1], t->big[2], t->big[3]);
    return 0;
}
