/* A byte or word load compared for equality with a constant is compared
 * in memory at its width (cc/i386/isel.c narrow_cmp_ok): `cmpb $0,
 * flags(,%i,1)`.  Signed and unsigned, chars and shorts, the constants at
 * the edges of each range and beyond them (never equal, compared as
 * ints), in a branch and as a value.  Every result is what -O0 and gcc
 * print. */
#include <cuckoo.ckh>

static char flags[16];
static unsigned char bytes[8] = {0, 1, 127, 128, 200, 255, 7, 0};
static signed char sbytes[8] = {0, -1, -128, 127, 5, -5, 0, 1};
static short words[6] = {0, -1, -32768, 32767, 300, -300};
static unsigned short uwords[6] = {0, 1, 65535, 32768, 300, 7};

struct rec {
    int id;
    char kind;
    unsigned char mark;
    short delta;
};

static int count_zero(void)
{
    int n = 0;
    for (int i = 0; i < lengthof(flags); i++)
        if (!flags[i])
            n++;
    return n;
}

int main(void)
{
    for (int i = 0; i < lengthof(flags); i += 3)
        flags[i] = (char)(i + 1);
    printf("%d\n", count_zero());
    int a = 0, b = 0, c = 0, d = 0;
    for (int i = 0; i < 8; i++) {
        if (bytes[i] == 255)
            a += 1 << i;
        if (bytes[i] != 128)
            b += 1 << i;
        if (sbytes[i] == -128)
            c += 1 << i;
        if (sbytes[i] == -1)
            d += 1 << i;
        if (bytes[i] == -1 || sbytes[i] == 255 || sbytes[i] == 128)
            printf("never %d\n", i);
    }
    printf("%d %d %d %d\n", a, b, c, d);
    int e = 0, f = 0, g = 0;
    for (int i = 0; i < 6; i++) {
        e += (words[i] == -32768) * 10 + (words[i] == 32767) * 100 + (words[i] != 0);
        f += (uwords[i] == 65535) * 10 + (uwords[i] == 32768) * 100 + (uwords[i] == 0);
        g += words[i] == 65535 || uwords[i] == -1;
    }
    printf("%d %d %d\n", e, f, g);
    struct rec *r = new(struct rec);
    r->kind = 'x';
    r->mark = 200;
    r->delta = -2;
    printf("%d %d %d %d\n", r->kind == 'x', r->mark == 200, r->delta == -2, r->mark == 0);
    return 0;
}
