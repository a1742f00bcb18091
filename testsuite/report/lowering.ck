/* -fcheck-report: checks lowering never emits (constant divisors, an
   object's own address, static functions' stack checks), checks with
   constant operands, unreachable ones, and checks that always stay. */
#include <cuckoo.ckh>

struct pt { int x, y; };

static int half(int v)
{
    return v / 2 + v % 3;
}

int ratio(int a, int b)
{
    return a / b;
}

int pick(int (*f)(int), int v[])
{
    int (*four)[4] = (int (*)[4])v;
    return f((*four)[1]) + v[0];
}

/* static, called directly, on no cycle: its callers' checks cover it */
static int twice(int v)
{
    return 2 * v;
}

int fixed(void)
{
    int a[10] = {0};
    struct pt p = {1, 2};
    return a[3] + (&p)->y + half(7) + twice(a[4]);
}

int never(int *q)
{
    return 1;
    return *q;
}

int main(void)
{
    int v[4] = {1, 2, 3, 4};
    printf("%d %d %d %d\n", ratio(7, 2), pick(half, v), fixed(), never(NULL));
    return 0;
}
