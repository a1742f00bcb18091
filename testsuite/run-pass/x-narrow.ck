#include <cuckoo.ckh>

unsigned char ucadd(unsigned char a, unsigned char b) { return a + b; }
signed char scmul(signed char a, signed char b) { return a * b; }
unsigned short usneg(unsigned short a) { return -a; }
short shshl(short a, int n) { return a << n; }
_Bool tobool(int x) { return x; }

struct N { unsigned char a; signed char b; unsigned short c; short d; _Bool e; char f[3]; };

int main(void)
{
    unsigned char uc = 250;
    signed char sc = 120;
    unsigned short us = 65530;
    short ss = 32760;
    _Bool b = 0;
    int i;
    for (i = 0; i < 10; i++) {
        uc++;
        sc++;
        us += 3;
        ss += 5;
        b++;
        printf("%d %d %d %d %d\n", uc, sc, us, ss, b);
    }
    for (i = 0; i < 5; i++) {
        uc--; --sc; us--; --ss; b--;
        printf("%d %d %d %d %d\n", uc, sc, us, ss, b);
    }
    uc = 200; sc = -128; us = 0; ss = -32768;
    printf("%d %d %d %d\n", uc * uc, sc * sc, us - 1, ss - 1);
    printf("%d %d %d %d\n", (unsigned char)(uc * uc), (signed char)(sc * sc), (unsigned short)(us - 1), (short)(ss - 1));
    printf("%d %d %u %d\n", ucadd(200, 100), scmul(-128, -1), usneg(1), shshl(0x1234, 4));
    printf("%d %d %d\n", tobool(256), tobool(0), tobool(-1));
    uc = 255;
    printf("%d %d %d %d\n", uc >> 1, uc << 1, ~uc, -uc);
    sc = -1;
    printf("%d %d %d %d %u\n", sc >> 1, sc << 1, ~sc, (unsigned char)sc, (unsigned)sc);
    us = 0x8000;
    printf("%d %d %u\n", us >> 15, us << 17, (unsigned)(us * us));
    ss = -2;
    printf("%d %u %d\n", ss / 2, (unsigned short)ss / 2u, ss % 3);
    printf("%d %d\n", uc == 255, sc == 255);
    printf("%d %d\n", (unsigned char)-1 == 255, (signed char)255 == -1);
    uc = 10;
    uc -= 20;
    printf("%d\n", uc);
    uc *= 3;
    printf("%d\n", uc);
    uc /= 7;
    printf("%d\n", uc);
    uc <<= 5;
    printf("%d\n", uc);
    uc |= 0x301;
    printf("%d\n", uc);
    sc = 100;
    sc += 100;
    printf("%d\n", sc);
    sc >>= 1;
    printf("%d\n", sc);
    sc ^= 0xff;
    printf("%d\n", sc);
    us = 1000;
    us *= us;
    printf("%d\n", us);
    ss = 1000;
    ss *= 40;
    printf("%d\n", ss);
    b = 5;
    b += 1;
    printf("%d\n", b);
    b = 0;
    b |= 4;
    printf("%d\n", b);
    b &= 2;
    printf("%d\n", b);
    b = 3.5;
    printf("%d\n", b);
    b = 0.25;
    printf("%d\n", b);
    {
        struct N n1 = { 255, -1, 65535, -1, 1, { 'a', 'b', 0 } };
        struct N n2;
        n2 = n1;
        n2.a++;
        n2.b--;
        n2.c += 2;
        n2.d -= 32768;
        n2.e = !n2.e;
        n2.f[1]++;
        printf("%d %d %d %d %d %s\n", n2.a, n2.b, n2.c, n2.d, n2.e, n2.f);
        printf("%d %d %d %d %d %s\n", n1.a, n1.b, n1.c, n1.d, n1.e, n1.f);
        struct N *p = &n2;
        p->a += 300;
        p->c = p->a * 300;
        ++p->d;
        p->f[0] -= 32;
        printf("%d %d %d %c\n", p->a, p->c, p->d, p->f[0]);
    }
    {
        unsigned char arr[4] = { 1, 2, 3, 255 };
        unsigned sum = 0;
        for (i = 0; i < 4; i++) {
            arr[i] += 255;
            sum = sum * 256 + arr[i];
        }
        printf("%x\n", sum);
        signed char s2[3] = { -128, 127, 0 };
        for (i = 0; i < 3; i++)
            s2[i] = -s2[i];
        printf("%d %d %d\n", s2[0], s2[1], s2[2]);
        char c = 'z';
        c += 10;
        printf("%d\n", c);
        unsigned char k;
        int n = 0;
        for (k = 250; k != 4; k++)
            n++;
        printf("%d\n", n);
    }
    return 0;
}
