/* The runtime's mathematics functions. */
#include <cuckoo.ckh>

int main(void)
{
    printf("sqrt %.6f %.6f %.1f\n", sqrt(2.0), sqrt(144.0), sqrt(0.0));
    printf("fabs %.2f %.2f\n", fabs(-3.25), fabs(4.5));
    printf("floor %.1f %.1f %.1f\n", floor(2.7), floor(-2.7), floor(5.0));
    printf("ceil %.1f %.1f %.1f\n", ceil(2.2), ceil(-2.2), ceil(-0.5));
    printf("pow %.1f %.6f %.4f\n", pow(2.0, 10.0), pow(2.0, 0.5), pow(10.0, -2.0));
    printf("exp %.6f %.6f\n", exp(1.0), exp(0.0));
    printf("log %.6f %.6f\n", log(exp(2.0)), log(10.0));
    double pi = atan2(0.0, -1.0);
    printf("pi %.10f\n", pi);
    printf("trig %.6f %.6f %.6f %.6f\n", sin(pi / 6), cos(pi / 3), sin(0.0), cos(0.0));
    printf("atan2 %.6f %.6f\n", atan2(1.0, 1.0), atan2(-1.0, -1.0));
    double r = 0;
    for (int i = 1; i <= 100; i++)
        r += sqrt((double)i);
    printf("sum of roots %.6f\n", r);
    int n = (int)floor(sqrt(1000.0));
    printf("isqrt %d\n", n);
    return 0;
}
