/* Signed division by a constant that is not a power of two
 * (cc/i386/isel.c, sdiv_magic): the high word of a multiply by the
 * divisor's reciprocal, shifted, one added for a negative dividend, and
 * negated for a negative divisor; the remainder x - q * c.  Every divisor
 * of every size class (a reciprocal below and above 2^31, no shift and
 * shifts up to 30) against the dividends at the edges (INT_MIN, INT_MAX,
 * 0, +-1, multiples and their neighbours) and a walk through the range,
 * hashed; -O0 and gcc print the same. */
#include <cuckoo.ckh>

static int edges[16] = {0, 1, -1, 2, -2, 3, -3, 2147483647, -2147483647 - 1, -2147483647, 2147483646,
                        1000000, -1000000, 715827882, -715827883, 1073741824};

static unsigned mix(int x)
{
    unsigned h = 0;
    h = h * 31u + (unsigned)(x / 3) * 7u + (unsigned)(x % 3);
    h = h * 31u + (unsigned)(x / 5) * 7u + (unsigned)(x % 5);
    h = h * 31u + (unsigned)(x / 6) * 7u + (unsigned)(x % 6);
    h = h * 31u + (unsigned)(x / 7) * 7u + (unsigned)(x % 7);
    h = h * 31u + (unsigned)(x / 9) * 7u + (unsigned)(x % 9);
    h = h * 31u + (unsigned)(x / 10) * 7u + (unsigned)(x % 10);
    h = h * 31u + (unsigned)(x / 11) * 7u + (unsigned)(x % 11);
    h = h * 31u + (unsigned)(x / 12) * 7u + (unsigned)(x % 12);
    h = h * 31u + (unsigned)(x / 13) * 7u + (unsigned)(x % 13);
    h = h * 31u + (unsigned)(x / 25) * 7u + (unsigned)(x % 25);
    h = h * 31u + (unsigned)(x / 100) * 7u + (unsigned)(x % 100);
    h = h * 31u + (unsigned)(x / 125) * 7u + (unsigned)(x % 125);
    h = h * 31u + (unsigned)(x / 641) * 7u + (unsigned)(x % 641);
    h = h * 31u + (unsigned)(x / 1000) * 7u + (unsigned)(x % 1000);
    h = h * 31u + (unsigned)(x / 1337) * 7u + (unsigned)(x % 1337);
    h = h * 31u + (unsigned)(x / 10007) * 7u + (unsigned)(x % 10007);
    h = h * 31u + (unsigned)(x / 65535) * 7u + (unsigned)(x % 65535);
    h = h * 31u + (unsigned)(x / 65537) * 7u + (unsigned)(x % 65537);
    h = h * 31u + (unsigned)(x / 1000000) * 7u + (unsigned)(x % 1000000);
    h = h * 31u + (unsigned)(x / 99999989) * 7u + (unsigned)(x % 99999989);
    h = h * 31u + (unsigned)(x / 715827883) * 7u + (unsigned)(x % 715827883);
    h = h * 31u + (unsigned)(x / 1073741823) * 7u + (unsigned)(x % 1073741823);
    h = h * 31u + (unsigned)(x / 1073741825) * 7u + (unsigned)(x % 1073741825);
    h = h * 31u + (unsigned)(x / 2147483647) * 7u + (unsigned)(x % 2147483647);
    h = h * 31u + (unsigned)(x / -3) * 7u + (unsigned)(x % -3);
    h = h * 31u + (unsigned)(x / -5) * 7u + (unsigned)(x % -5);
    h = h * 31u + (unsigned)(x / -6) * 7u + (unsigned)(x % -6);
    h = h * 31u + (unsigned)(x / -7) * 7u + (unsigned)(x % -7);
    h = h * 31u + (unsigned)(x / -10) * 7u + (unsigned)(x % -10);
    h = h * 31u + (unsigned)(x / -100) * 7u + (unsigned)(x % -100);
    h = h * 31u + (unsigned)(x / -641) * 7u + (unsigned)(x % -641);
    h = h * 31u + (unsigned)(x / -65537) * 7u + (unsigned)(x % -65537);
    h = h * 31u + (unsigned)(x / -2147483647) * 7u + (unsigned)(x % -2147483647);
    h = h * 31u + (unsigned)(x / -1000000) * 7u + (unsigned)(x % -1000000);
    h = h * 31u + (unsigned)(x / -4) * 7u + (unsigned)(x % -4);
    h = h * 31u + (unsigned)(x / -8) * 7u + (unsigned)(x % -8);
    return h;
}

static void show(int x, int y)
{
    printf("3: %d %d %d %d\n", x / 3, x % 3, y / 3, y % 3);
    printf("5: %d %d %d %d\n", x / 5, x % 5, y / 5, y % 5);
    printf("6: %d %d %d %d\n", x / 6, x % 6, y / 6, y % 6);
    printf("7: %d %d %d %d\n", x / 7, x % 7, y / 7, y % 7);
    printf("9: %d %d %d %d\n", x / 9, x % 9, y / 9, y % 9);
    printf("10: %d %d %d %d\n", x / 10, x % 10, y / 10, y % 10);
    printf("11: %d %d %d %d\n", x / 11, x % 11, y / 11, y % 11);
    printf("12: %d %d %d %d\n", x / 12, x % 12, y / 12, y % 12);
    printf("13: %d %d %d %d\n", x / 13, x % 13, y / 13, y % 13);
    printf("25: %d %d %d %d\n", x / 25, x % 25, y / 25, y % 25);
    printf("100: %d %d %d %d\n", x / 100, x % 100, y / 100, y % 100);
    printf("125: %d %d %d %d\n", x / 125, x % 125, y / 125, y % 125);
    printf("641: %d %d %d %d\n", x / 641, x % 641, y / 641, y % 641);
    printf("1000: %d %d %d %d\n", x / 1000, x % 1000, y / 1000, y % 1000);
    printf("1337: %d %d %d %d\n", x / 1337, x % 1337, y / 1337, y % 1337);
    printf("10007: %d %d %d %d\n", x / 10007, x % 10007, y / 10007, y % 10007);
    printf("65535: %d %d %d %d\n", x / 65535, x % 65535, y / 65535, y % 65535);
    printf("65537: %d %d %d %d\n", x / 65537, x % 65537, y / 65537, y % 65537);
    printf("1000000: %d %d %d %d\n", x / 1000000, x % 1000000, y / 1000000, y % 1000000);
    printf("99999989: %d %d %d %d\n", x / 99999989, x % 99999989, y / 99999989, y % 99999989);
    printf("715827883: %d %d %d %d\n", x / 715827883, x % 715827883, y / 715827883, y % 715827883);
    printf("1073741823: %d %d %d %d\n", x / 1073741823, x % 1073741823, y / 1073741823, y % 1073741823);
    printf("1073741825: %d %d %d %d\n", x / 1073741825, x % 1073741825, y / 1073741825, y % 1073741825);
    printf("2147483647: %d %d %d %d\n", x / 2147483647, x % 2147483647, y / 2147483647, y % 2147483647);
    printf("-3: %d %d %d %d\n", x / -3, x % -3, y / -3, y % -3);
    printf("-5: %d %d %d %d\n", x / -5, x % -5, y / -5, y % -5);
    printf("-6: %d %d %d %d\n", x / -6, x % -6, y / -6, y % -6);
    printf("-7: %d %d %d %d\n", x / -7, x % -7, y / -7, y % -7);
    printf("-10: %d %d %d %d\n", x / -10, x % -10, y / -10, y % -10);
    printf("-100: %d %d %d %d\n", x / -100, x % -100, y / -100, y % -100);
    printf("-641: %d %d %d %d\n", x / -641, x % -641, y / -641, y % -641);
    printf("-65537: %d %d %d %d\n", x / -65537, x % -65537, y / -65537, y % -65537);
    printf("-2147483647: %d %d %d %d\n", x / -2147483647, x % -2147483647, y / -2147483647, y % -2147483647);
    printf("-1000000: %d %d %d %d\n", x / -1000000, x % -1000000, y / -1000000, y % -1000000);
    printf("-4: %d %d %d %d\n", x / -4, x % -4, y / -4, y % -4);
    printf("-8: %d %d %d %d\n", x / -8, x % -8, y / -8, y % -8);
}

int main(void)
{
    for (int i = 0; i < 16; i += 2)
        show(edges[i], edges[i + 1]);
    unsigned h = 0;
    for (int i = 0; i < 16; i++)
        h ^= mix(edges[i]) + (unsigned)i;
    /* a walk through the whole range: 2^32 / 40009 apart, with neighbours */
    unsigned x = 0;
    for (int i = 0; i < 40009; i++) {
        h = h * 33u ^ mix((int)x) ^ mix((int)x - 1);
        x += 107351u;
    }
    printf("%u\n", h);
    return 0;
}
