/* Compound assignment, increment and decrement, comma, sizeof on values. */
#include <cuckoo.ckh>

int main(void)
{
    int x = 10;
    x += 5;  printf("%d ", x);
    x -= 3;  printf("%d ", x);
    x *= 4;  printf("%d ", x);
    x /= 5;  printf("%d ", x);
    x %= 6;  printf("%d ", x);
    x <<= 4; printf("%d ", x);
    x >>= 2; printf("%d ", x);
    x &= 6;  printf("%d ", x);
    x |= 9;  printf("%d ", x);
    x ^= 5;  printf("%d\n", x);
    int i = 5;
    int a = i++;
    int b = ++i;
    int c = i--;
    int d = --i;
    printf("incdec %d %d %d %d %d\n", a, b, c, d, i);
    char ch = 100;
    ch += 100;
    unsigned char uc = 250;
    uc += 10;
    short sh = -32768;
    sh--;
    printf("narrow %d %d %d\n", ch, uc, sh);
    double f = 1.5;
    f *= 3;
    f -= 0.5;
    f /= 2;
    f++;
    printf("double %g\n", f);
    float g = 0.5f;
    g += 1;
    g--;
    printf("float %g\n", g);
    int arr[4] = {1, 2, 3, 4};
    int k = 0;
    arr[k++] += 10;
    arr[++k] *= 3;
    printf("arr %d %d %d %d k=%d\n", arr[0], arr[1], arr[2], arr[3], k);
    long long ll = 1;
    ll <<= 35;
    ll += ll;
    ll |= 1;
    printf("ll %lld\n", ll);
    int comma = (x = 1, x + 1, x * 10);
    printf("comma %d %d\n", comma, x);
    for (int p = 0, q = 10; p < q; p += 3, q -= 2)
        printf("(%d,%d)", p, q);
    printf("\n");
    printf("sizeof %u %u %u %u\n", sizeof x, sizeof(ch + ch), sizeof ll, sizeof(f * 2));
    int side = 0;
    unsigned sz = sizeof(side++);
    printf("sizeof does not evaluate %u %d\n", sz, side);
    unsigned u = 5;
    u -= 10;
    printf("unsigned %u\n", u);
    int y = 7;
    y = -y;
    y = ~y;
    printf("unary %d %d\n", y, +y);
    return 0;
}
