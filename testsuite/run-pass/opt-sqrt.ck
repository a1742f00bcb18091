/* -O1 and up: the runtime's sqrt becomes the sqrtsd instruction
   (cc/opt/idiom.c opt_inline_math); -O0 calls the runtime.  Both are the
   IEEE square root, and Cuckoo has no errno (LANGUAGE.md §12.1), so every
   level prints the same. */
#include <cuckoo.ckh>

static double values[8] = {0.0, -0.0, 1.0, 2.0, 1e-310, 1e300, -1.0, 0.25};

int main(void)
{
    for (int i = 0; i < 8; i++) {
        double r = sqrt(values[i]);
        if (r != r)
            printf("sqrt(%g) is not a number\n", values[i]);
        else
            printf("sqrt(%g) = %.17g%s\n", values[i], r, 1 / r < 0 ? " (negative zero)" : "");
    }
    double inf = 1e308 * 10;
    printf("sqrt(inf) = %g, sqrt(-inf) %s\n", sqrt(inf), sqrt(-inf) != sqrt(-inf) ? "is not a number" : "is a number");
    /* a value live across the square root stays right */
    double a = 3.0, b = 4.0;
    double h = sqrt(a * a + b * b) + a - b;
    printf("%g\n", h);
    return 0;
}
