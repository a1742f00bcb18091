/* The runtime's string functions over char arrays. */
#include <cuckoo.ckh>

int sign(int x) { return x < 0 ? -1 : x > 0; }

int main(void)
{
    char full[4] = {'a', 'b', 'c', 'd'};
    char word[16] = "hello";
    printf("strlen %u %u %u %u\n", strlen("abc"), strlen(""), strlen(full), strlen(word));
    printf("strcmp %d %d %d %d %d\n", sign(strcmp("abc", "abd")), sign(strcmp("b", "a")),
           sign(strcmp("same", "same")), sign(strcmp("ab", "abc")), sign(strcmp(word, "hello")));
    char small[4];
    unsigned r = strlcpy(small, "truncated");
    printf("strlcpy %u [%s] %u\n", r, small, strlen(small));
    r = strlcpy(word, "fits");
    printf("strlcpy %u [%s] %d\n", r, word, word[5]);
    char dst[10];
    memset_array(dst, '-', 9);
    printf("memset [%s]\n", dst);
    memcpy_array(dst, "ABCDEFG", 3);
    printf("memcpy [%s]\n", dst);
    memset_array(dst, 0, lengthof(dst));
    memcpy_array(dst, full, lengthof(full));
    printf("memcpy [%s] %u\n", dst, strlen(dst));
    printf("atoi %d %d %d %d %d %d\n", atoi("42"), atoi("  -123abc"), atoi("+7"), atoi("abc"),
           atoi("2147483647"), atoi("0010"));
    char buf[8];
    int n = snprintf(buf, "hello %s %d", "world", 42);
    printf("snprintf %d [%s] %u\n", n, buf, strlen(buf));
    n = snprintf(buf, "%d", 12);
    printf("snprintf %d [%s]\n", n, buf);
    char tiny[1];
    n = snprintf(tiny, "abc");
    printf("tiny %d %d\n", n, tiny[0]);
    char line[64];
    snprintf(line, "%5d|%-5d|%05d|%x|%X|%o|%c|%s|%.2f|%e|%g|%%", 42, 42, 42, 255, 255, 8, 'q', "str", 3.14159, 1500.0, 0.5);
    printf("%s\n", line);
    snprintf(line, "%ld %lu %lld %llu %u %i", -5L, 4000000000UL, -9000000000LL, 18000000000ULL, 7u, -3);
    printf("%s\n", line);
    char digits[11];
    for (int i = 0; i < 10; i++)
        digits[i] = '0' + i;
    printf("digits %s %u\n", digits, strlen(digits));
    return 0;
}
