/* Tail recursion made a loop at -O2 (cc/opt/tailrec.c): every form the
   pass rewrites, and some it must leave alone, give the same results at
   -O0, -O1 and -O2.  The depths are small enough for -O0's frames. */
#include <cuckoo.ckh>

static const int v[12] = {5, -3, 8, 1, -7, 2, 9, -4, 6, 0, -2, 3};

/* accumulator: x + f(...), a long long */
static long long count(int i, int sum)
{
    if (i == 12)
        return sum == 0;
    return count(i + 1, sum) + count(i + 1, sum + v[i]);
}

/* accumulator: the addend is a parameter, read before it is reassigned */
static int tri(int n)
{
    if (n == 0)
        return 0;
    return n + tri(n - 1);
}

/* f(...) + x, the call on the left */
static int sum_to(int n, int k)
{
    if (n <= 0)
        return k;
    return sum_to(n - 1, k) + 2 * n;
}

/* a plain tail call whose arguments swap: a cycle of parameters */
static int gcd_swap(int a, int b)
{
    if (b == 0)
        return a;
    return gcd_swap(b, a % b);
}

static int rotate3(int a, int b, int c, int n)
{
    if (n == 0)
        return a * 100 + b * 10 + c;
    return rotate3(c, a, b, n - 1);
}

/* void: the tail call is the last statement */
int total;
static void add_down(int n)
{
    if (n == 0)
        return;
    total += n;
    add_down(n - 1);
}

/* wrapping: the sum overflows, and reassociation must not change it */
static int wrap(int n, int x)
{
    if (n == 0)
        return x;
    return 2000000000 + wrap(n - 1, x + 1);
}

/* not a tail call: the result is multiplied */
static long long fact(int n)
{
    if (n <= 1)
        return 1;
    return n * fact(n - 1);
}

/* a local array: its frame cannot be reused (the pass leaves it) */
static int with_local(int n)
{
    int a[4] = {n, n + 1, n + 2, n + 3};
    if (n == 0)
        return a[3];
    return a[0] + with_local(n - 1);
}

/* several tail sites, some accumulating and some not */
static long long mixed(int n, long long acc)
{
    if (n == 0)
        return acc;
    if (n % 3 == 0)
        return mixed(n - 1, acc * 2);
    return (long long)n + mixed(n - 1, acc + 1);
}

/* a stack-bound argument passed on: it points into the caller's frame */
static int walk(int (*p)[], int i)
{
    if (i == lengthof(p))
        return 0;
    return p[i] + walk(p, i + 1);
}

/* floating point is not associative: left as calls */
static double fsum(int n)
{
    if (n == 0)
        return 0.1;
    return 0.1 * n + fsum(n - 1);
}

int main(void)
{
    int arr[6] = {1, 2, 3, 4, 5, 6};
    printf("count %lld\n", count(0, 0));
    printf("tri %d\n", tri(1000));
    printf("sum_to %d\n", sum_to(500, 7));
    printf("gcd %d %d\n", gcd_swap(1071, 462), gcd_swap(462, 1071));
    printf("rotate %d %d\n", rotate3(1, 2, 3, 7), rotate3(1, 2, 3, 9));
    add_down(100);
    printf("total %d\n", total);
    printf("wrap %d\n", wrap(7, 3));
    printf("fact %lld\n", fact(20));
    printf("local %d\n", with_local(50));
    printf("mixed %lld\n", mixed(40, 1));
    printf("walk %d\n", walk(&arr, 0));
    printf("fsum %.17g\n", fsum(30));
    return 0;
}
