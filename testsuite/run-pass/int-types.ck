/* Integer types: sizes, wrapping conversions, sign and zero extension. */
#include <cuckoo.ckh>

int main(void)
{
    printf("sizes %u %u %u %u %u %u %u\n", sizeof(char), sizeof(short), sizeof(int),
           sizeof(long), sizeof(long long), sizeof(_Bool), sizeof(unsigned long long));

    char c = 200;                 /* wraps: char is signed */
    unsigned char uc = 200;
    signed char sc = -1;
    short s = 40000;
    unsigned short us = -1;
    int i = 3000000000u;
    unsigned u = -1;
    long l = 2147483647;
    printf("char %d uchar %d schar %d\n", c, uc, sc);
    printf("short %d ushort %d\n", s, us);
    printf("int %d unsigned %u %x\n", i, u, u);
    l = l + 1;
    printf("long %ld\n", l);

    /* sign extension when widening a signed value, zero extension of unsigned */
    c = -5;
    unsigned widened = c;
    int fromu = uc;
    long long ll = sc;
    unsigned long long ull = u;
    printf("widen %u %d %lld %llu\n", widened, fromu, ll, ull);
    short neg = -2;
    unsigned short uneg = neg;
    int back = (short)uneg;
    printf("short %d %d %d\n", neg, uneg, back);

    /* narrowing keeps the low bits */
    int big = 0x12345678;
    char lo = big;
    short mid = big;
    unsigned char ulo = 0x1ff;
    printf("narrow %d %d %d\n", lo, mid, ulo);
    printf("casts %d %d %d %u\n", (char)0x80, (unsigned char)-1, (short)0x8000, (unsigned short)70000);
    printf("hexchar %d %d\n", '\xff', '\xff' == -1);

    /* usual arithmetic conversions */
    printf("cmp %d %d %d\n", -1 < 1u, -1 < 1, (unsigned char)255 == 255);
    printf("mix %u %d\n", 1u - 2, (int)(1u - 2));
    printf("promote %d\n", (unsigned char)250 + (unsigned char)10);
    long long mixed = -1 + 4294967295u;
    printf("mixed %lld\n", mixed);
    printf("llmix %lld %llu\n", -1LL + 4294967295u, (unsigned long long)-1 + 2);
    printf("limits %d %d %u %lld %llu\n", INT_MIN, INT_MAX, UINT_MAX, LLONG_MIN, ULLONG_MAX);
    printf("limits2 %d %d %d %d %d\n", SCHAR_MIN, SCHAR_MAX, UCHAR_MAX, SHRT_MIN, USHRT_MAX);
    return 0;
}
