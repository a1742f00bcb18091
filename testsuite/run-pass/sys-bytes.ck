/* The byte and string functions of the systems interface (LANGUAGE.md
 * §12.1): offsets, overlap, comparisons, bounded strings, parse_long's
 * edge cases and errors, byte order, ctype and atomics. */
#include <cuckoo.ckh>
#include <stdint.h>

int counter;

int adder(int n)
{
    int i;
    for (i = 0; i < n; i++)
        atomic_add(&counter, 1);
    return 0;
}

void show_parse(const char s[], unsigned start, int base)
{
    unsigned pos = start;
    long long v = 77;
    int r = parse_long(s, &pos, base, &v);
    printf("parse_long(\"%s\", %u, %d) = %d pos %u value %lld\n", s, start, base, r, pos, v);
}

int main(void)
{
    char b[12];
    strlcpy(b, "abcdefghij");
    copy_bytes(b, 2, b, 0, 5);          /* overlapping, forwards */
    printf("%s\n", b);
    copy_bytes(b, 0, b, 3, 6);          /* overlapping, backwards */
    printf("%s\n", b);
    copy_bytes(b, 11, "xyz", 0, 0);     /* nothing, at the very end */
    char c[4];
    copy_bytes(c, 0, "wxyz", 1, 3);
    printf("%c%c%c\n", c[0], c[1], c[2]);

    printf("compare_bytes %d %d %d\n", compare_bytes("hello", 1, "yellow", 1, 4),
           compare_bytes("abc", 0, "abd", 0, 3), compare_bytes("\xff", 0, "a", 0, 1));
    printf("strncmp %d %d %d %d\n", strncmp("abcdef", "abcxyz", 3), strncmp("abc", "abd", 3),
           strncmp("ab", "abc", 100), strncmp("abc", "abc", 100));

    char d[10];
    strlcpy(d, "foo");
    unsigned n1 = strlcat(d, "bar");
    unsigned n2 = strlcat(d, "bazqux");
    printf("strlcat %u %u \"%s\"\n", n1, n2, d);

    printf("str_index %d %d %d\n", str_index("hello", 'l'), str_index("hello", 'z'),
           str_index("hello", 0));
    printf("str_find %d %d %d %d\n", str_find("hello world", "world"), str_find("hello", "lo"),
           str_find("hello", "hellos"), str_find("abc", ""));

    show_parse("  -42xyz", 0, 10);
    show_parse("0x1F", 0, 0);
    show_parse("0x1F", 0, 16);
    show_parse("0x", 0, 0);
    show_parse("0755", 0, 0);
    show_parse("zz", 0, 36);
    show_parse("a=123;", 2, 10);
    show_parse("9223372036854775807", 0, 10);
    show_parse("9223372036854775808", 0, 10);
    show_parse("-9223372036854775808", 0, 10);
    show_parse("-9223372036854775809", 0, 10);
    show_parse("   ", 0, 10);
    show_parse("+", 0, 10);
    show_parse("12", 0, 1);
    show_parse("12", 0, 37);
    show_parse("12", 2, 10);
    show_parse("1010", 0, 2);

    char p[8];
    put_be16(p, 0, 0x1234);
    put_le16(p, 2, 0x1234);
    put_be32(p, 4, 0xdeadbeef);
    printf("bytes %x %x %x %x %x %x %x %x\n", p[0] & 255, p[1] & 255, p[2] & 255, p[3] & 255,
           p[4] & 255, p[5] & 255, p[6] & 255, p[7] & 255);
    printf("get %x %x %x %x\n", get_be16(p, 0), get_le16(p, 2), get_be32(p, 4), get_le32(p, 4));
    put_le32(p, 4, 0x01020304);
    printf("le32 %x be32 %x\n", get_le32(p, 4), get_be32(p, 4));
    put_be16(p, 6, 0xabcdef);           /* only the low 16 bits */
    printf("be16 %x\n", get_be16(p, 6));

    printf("ctype %d%d%d%d%d%d%d%d%d\n", isdigit('7'), isalpha('q'), isalnum('Z'), isspace('\t'),
           isupper('a'), islower('a'), isxdigit('F'), isprint('~'), ispunct('!'));
    printf("ctype %d%d%d%d%d\n", isdigit(EOF), isalpha(-23), isprint(127), ispunct(' '),
           isspace('\v'));
    printf("%c%c%c%c %d\n", toupper('a'), toupper('Z'), tolower('Q'), tolower('5'), toupper(EOF));

    int x = 5;
    atomic_store(&x, 9);
    printf("atomic %d %d %d %d %d\n", atomic_load(&x), atomic_add(&x, 3), atomic_cas(&x, 12, 20),
           atomic_cas(&x, 12, 30), atomic_load(&x));
    int big = INT_MAX;
    printf("wraps %d\n", atomic_add(&big, 1));
    thread_t t1 = spawn adder(100000);
    thread_t t2 = spawn adder(100000);
    join(t1);
    join(t2);
    printf("counter %d\n", atomic_load(&counter));
    int64_t w = INT64_MAX;
    uint16_t h = UINT16_MAX;
    size_t z = SIZE_MAX;
    printf("%lld %u %u\n", w, h, z);
    return EXIT_SUCCESS;
}
