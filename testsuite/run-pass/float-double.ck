/* float and double: SSE2 arithmetic, conversions, printf %f %e %g. */
#include <cuckoo.ckh>

double average(const double v[])
{
    double s = 0;
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v[i];
    return s / lengthof(v);
}

float half(float x) { return x / 2; }

int main(void)
{
    double d = 3.14159;
    float f = 2.5f;
    printf("%f %f\n", d, f);
    printf("%.2f %.0f %10.3f|%-10.3f|%010.4f\n", d, d, d, d, -d);
    printf("%e %.3e %E\n", 123456.789, 0.000123, 1e100);
    printf("%g %g %g %g %g %g\n", 100000.0, 1000000.0, 0.0001, 0.00001, 1.5, 2.0 / 3.0);
    printf("%.3g %.10g %g\n", 3.14159, 1.0 / 3.0, 1e-300);
    printf("%.17g\n", 0.1 + 0.2);
    printf("%f %f\n", 0.5, -0.0);
    printf("%.1f %.1f %.1f %.0f %.0f\n", 0.25, 0.35, 1.45, 2.5, 3.5);

    float third = 1.0f / 3.0f;
    double dthird = 1.0 / 3.0;
    printf("%.10f %.10f %d\n", third, dthird, third == dthird);
    printf("half %f\n", half(7));

    /* conversions */
    int i = 7.99;
    int j = -7.99;
    unsigned u = 3e9;
    long long ll = 1e15;
    printf("conv %d %d %u %lld\n", i, j, u, ll);
    double huge = 1e10;
    printf("toint %d %d %d %d\n", (int)1e10, (int)-1e10, (int)huge, (int)-huge);
    double fromint = 2147483647;
    float lossy = 16777217;
    printf("fromint %f %f\n", fromint, lossy);
    printf("mixed %f %f\n", 1 / 2 + 0.5, 1.0 / 2 + 0.5);
    char c = 'A';
    printf("char %f\n", c + 0.5);

    /* IEEE: no trap on floating division by zero */
    double zero = 0.0;
    double inf = 1.0 / zero;
    double nan = zero / zero;
    printf("inf %f %f %d %d\n", inf, -inf, inf > 1e308, nan != nan);

    double v[4] = {1.5, 2.5, 3.5, 4.5};
    printf("avg %g\n", average(v));
    double acc = 0;
    for (int k = 0; k < 10; k++)
        acc += 0.1;
    printf("acc %.15f %d\n", acc, acc == 1.0);
    printf("cmp %d %d %d\n", 0.1f == 0.1, 0.5f == 0.5, (float)0.1 == 0.1f);
    printf("sizes %u %u\n", sizeof(float), sizeof(double));
    double big = 1e308;
    printf("overflow %e %d\n", big * 10 / 10, big * 10 == inf);
    return 0;
}
