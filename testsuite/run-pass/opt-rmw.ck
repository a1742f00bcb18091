/* x86's read-modify-write (cc/i386/isel.c, rmw_match): at -O1 and up
   `t = a[i]; u = t OP x; a[i] = u` becomes one `OPl x, a[i]` when nothing
   between the load and the store writes memory.  Every form here must
   print what -O0 prints; the aliasing cases are the ones a fusion across
   a store would get wrong. */
#include <cuckoo.ckh>

static int g[8];
static unsigned mask[4] = {0xff, 0xf0f0, 0x0f0f0f0f, 0};

void ops(int a[], int i, int x)
{
    a[i] += x;          /* register x */
    a[i + 1] -= x;      /* sub: t first */
    a[i + 2] &= x;
    a[i + 3] |= 0x100;  /* constant x */
    a[i + 4] ^= x;
    a[i + 5] = x + a[i + 5];  /* t second, commutative */
    a[i + 6] = x - a[i + 6];  /* t second, not commutative: no fusion */
}

/* the load of a[i] is separated from the add by another load and a
   multiplication (matmul's c[i][j] += aik * b[k][j]) */
void mul_add(int c[], const int b[], int k)
{
    for (int j = 0; j < lengthof(c); j++)
        c[j] += k * b[j];
}

/* a store between the load and the store: when b is a, the add must see
   the old a[i] and the new b[j] must be lost */
void aliased(int a[], int b[], int i, int j, int x)
{
    int t = a[i];
    b[j] = 1000;
    a[i] = t + x;
}

/* a call between the load and the store: it may change the element */
static int h[2] = {1, 2};
void poke(void) { h[0] = 77; }
void call_between(int a[], int x)
{
    int t = a[0];
    poke();
    a[0] = t + x;
}

/* the index changes between the load and the store: a different element */
void index_moves(int a[], int i)
{
    int t = a[i];
    i = i + 1;
    a[i] = t + 5;
}

struct counter { int hits; int misses; };

void count(struct counter *c, int hit)
{
    if (hit)
        c->hits += 1;
    else
        c->misses += 2;
}

int main(void)
{
    int a[16];
    for (int i = 0; i < 16; i++)
        a[i] = i * 37 + 5;
    ops(a, 2, 0x5a5);
    ops(g, 0, -3);
    for (int i = 0; i < 16; i++)
        printf("%d ", a[i]);
    printf("\n");
    for (int i = 0; i < 8; i++)
        printf("%d ", g[i]);
    printf("\n");

    int c[6] = {1, 2, 3, 4, 5, 6}, b[6] = {6, 5, 4, 3, 2, 1};
    mul_add(c, b, 3);
    mul_add(c, c, 2);   /* c[j] += 2 * c[j] */
    for (int j = 0; j < 6; j++)
        printf("%d ", c[j]);
    printf("\n");

    int d[4] = {10, 20, 30, 40};
    aliased(d, d, 1, 1, 5);     /* d[1] = 20 + 5: the store of 1000 is lost */
    aliased(d, d, 2, 3, 5);     /* d[2] = 35, d[3] = 1000 */
    printf("%d %d %d %d\n", d[0], d[1], d[2], d[3]);

    call_between(h, 10);        /* h[0] = 1 + 10: poke's 77 is lost */
    printf("%d %d\n", h[0], h[1]);

    index_moves(h, 0);          /* h[1] = h[0] + 5 */
    printf("%d %d\n", h[0], h[1]);

    for (int i = 0; i < 4; i++)
        mask[i] ^= 0xffffffffu;
    printf("%x %x %x %x\n", mask[0], mask[1], mask[2], mask[3]);

    struct counter k = {0, 0};
    for (int i = 0; i < 10; i++)
        count(&k, i % 3 == 0);
    printf("%d %d\n", k.hits, k.misses);
    return 0;
}
