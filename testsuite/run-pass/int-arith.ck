/* Integer arithmetic: wrapping overflow, division and remainder rounding. */
#include <cuckoo.ckh>

int muladd(int a, int b, int c)
{
    return a * b + c;
}

int main(void)
{
    int max = INT_MAX;
    int min = INT_MIN;
    printf("wrap %d %d %d\n", max + 1, min - 1, -min);
    printf("mul %d %d\n", muladd(65536, 65536, 7), muladd(123456789, 1000, 0));
    unsigned u = 0;
    u--;
    printf("unsigned %u %u\n", u, u + 2);
    max++;
    printf("inc %d\n", max);

    int nums[6] = {7, -7, 7, -7, 0, 1};
    int dens[6] = {2, 2, -2, -2, 5, 3};
    for (int k = 0; k < 6; k++)
        printf("%d/%d=%d %d%%%d=%d\n", nums[k], dens[k], nums[k] / dens[k],
               nums[k], dens[k], nums[k] % dens[k]);
    printf("udiv %u %u\n", 4294967295u / 2, 4294967295u % 10);
    printf("neg %d %d %d\n", -(-5), ~5, !5);
    printf("bits %x %x %x\n", 0xf0f0 & 0xff00, 0xf0f0 | 0x0f0f, 0xf0f0 ^ 0xffff);
    printf("prec %d %d %d\n", 2 + 3 * 4, (2 + 3) * 4, 10 - 4 - 3);
    printf("rel %d %d %d %d %d %d\n", 1 < 2, 2 <= 2, 3 > 4, 3 >= 4, 5 == 5, 5 != 5);
    short sh = 32767;
    sh += 1;
    char ch = 127;
    ch++;
    printf("small %d %d\n", sh, ch);
    int x = 100;
    x /= 7;
    printf("x %d\n", x);
    x %= 4;
    printf("x %d\n", x);
    x = -100;
    x /= 7;
    printf("x %d\n", x);
    return 0;
}
