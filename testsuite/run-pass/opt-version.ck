/* Loop versioning (cc/opt/version.c, -O2; the IR is opt/version.ir): each
   versioned loop runs both ways -- its check-free copy, when the tests
   before the loop prove every index in range, and the checked loop for
   whatever they do not prove (n above the length, n or the first index
   negative, a NULL array) when it runs no iteration that could trap.
   Every level prints the same. */
#include <cuckoo.ckh>

int sum(const int v[], int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

int dot(const int a[], const int b[], int lo, int n)
{
    int s = 0;
    for (int i = lo; i < n; i++)
        s += a[i] * b[i];
    return s;
}

unsigned usum(const unsigned v[], unsigned lo, unsigned n)
{
    unsigned s = 0;
    for (unsigned i = lo; i < n; i++)
        s += v[i];
    return s;
}

unsigned first100(const unsigned v[])
{
    unsigned s = 0;
    for (unsigned i = 0; i < 100; i++)
        s = s * 31 + v[i];
    return s;
}

/* the counter's last value is used after the loop */
int count_to(const int v[], int n)
{
    int i;
    int s = 0;
    for (i = 0; i < n; i++)
        s += v[i];
    return i * 1000 + s;
}

void scale(int v[], int n, int k)
{
    for (int i = 0; i < n; i++)
        v[i] = v[i] * k;
}

/* static: inlined into main, where its arguments may be constants */
static long long wide_sum(const char v[], int n)
{
    long long s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

int main(void)
{
    int a[5] = {1, 2, 3, 4, 5};
    int b[7] = {7, 6, 5, 4, 3, 2, 1};
    unsigned u[150];
    unsigned h[100];
    char text[] = "versioned loops";
    for (int i = 0; i < 150; i++)
        u[i] = (unsigned)(i * i + 1);
    for (int i = 0; i < 100; i++)
        h[i] = (unsigned)(7 * i);
    scale(a, 5, 3);
    scale(a, 2, -1);
    scale(a, 0, 100);
    scale(a, -4, 100);
    printf("a = %d %d %d %d %d\n", a[0], a[1], a[2], a[3], a[4]);
    /* the check-free copy */
    printf("sum %d %d %d\n", sum(a, 5), sum(a, 1), sum(b, 7));
    printf("dot %d %d %d\n", dot(a, b, 0, 5), dot(a, b, 2, 4), dot(b, a, 3, 5));
    printf("usum %u %u\n", usum(u, 0, 150), usum(u, 140, 150));
    printf("first100 %u %u\n", first100(u), first100(h));
    printf("count_to %d %d\n", count_to(b, 7), count_to(b, 3));
    /* the checked loop, running no iteration */
    printf("sum %d %d %d %d\n", sum(a, 0), sum(a, -3), sum(NULL, 0), sum(NULL, -1));
    printf("dot %d %d %d\n", dot(a, b, -1, -1), dot(a, b, 9, 6), dot(NULL, b, 2, 2));
    printf("usum %u %u\n", usum(u, 4000000000u, 151), usum(NULL, 5, 5));
    printf("count_to %d %d %d\n", count_to(b, 0), count_to(b, -8), count_to(NULL, -8));
    printf("wide %lld %lld %lld\n", wide_sum(text, 15), wide_sum(text, 3), wide_sum(text, -1));
    return 0;
}
