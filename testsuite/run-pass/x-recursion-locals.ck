#include <cuckoo.ckh>

struct Acc { long long sum; double avg; int n; char tag[4]; };

long long deep(int n, long long acc, double x, char c, unsigned short us, float f, struct Acc a)
{
    int i1 = n * 3, i2 = n ^ 0x55, i3 = n << 2, i4 = -n;
    long long l1 = acc * 7, l2 = acc >> 3, l3 = (long long)n << 33;
    double d1 = x * 1.5, d2 = x - n;
    float f1 = f * 0.5f;
    unsigned char uc = (unsigned char)(c + n);
    int arr[5];
    int k;
    for (k = 0; k < 5; k++)
        arr[k] = i1 + k * i2;
    a.sum += n;
    a.n++;
    a.tag[n % 3] = (char)('a' + n % 26);
    if (n <= 0) {
        a.avg = (double)a.sum / a.n;
        printf("base %lld %g %d %s\n", a.sum, a.avg, a.n, a.tag);
        return acc + (long long)x + c + us + (long long)f;
    }
    long long r = deep(n - 1, l1 + l2 - l3 + arr[n % 5], d1 - d2 / 3, (char)(c + 1), (unsigned short)(us * 3 + 1), f1 + 1, a);
    /* everything must have survived the call */
    return r ^ (i1 + i2 + i3 + i4 + uc) ^ (l1 - l2 + l3) ^ (long long)(d1 * 1000 + d2 + f1) ^ arr[0] ^ arr[4] ^ a.n;
}

int ack(int m, int n)
{
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

double harmonic(int n) { return n == 0 ? 0 : 1.0 / n + harmonic(n - 1); }
float fharm(int n) { return n == 0 ? 0 : 1.0f / n + fharm(n - 1); }
long long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
unsigned long long ufact(unsigned n) { return n ? n * ufact(n - 1) : 1; }

struct Acc build(int n)
{
    if (n == 0) {
        struct Acc z = { 0, 0.0, 0, "zz" };
        return z;
    }
    struct Acc r = build(n - 1);
    r.sum += (long long)n * n * n * n * n * n * n;
    r.n += n;
    r.avg = r.sum / (double)r.n;
    r.tag[2] = (char)('0' + n % 10);
    return r;
}

int main(void)
{
    struct Acc a = { 0, 0, 0, "" };
    printf("%lld\n", deep(12, 1, 2.5, 'A', 7, 3.0f, a));
    printf("%d %d\n", ack(2, 3), ack(3, 3));
    printf("%.17g %.9g\n", harmonic(50), (double)fharm(50));
    printf("%lld %llu %llu\n", fib(30), ufact(20), ufact(25));
    struct Acc b = build(30);
    printf("%lld %g %d %s\n", b.sum, b.avg, b.n, b.tag);
    return 0;
}
