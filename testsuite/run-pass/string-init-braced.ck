/* A char array may be initialized by a string literal in braces (C99
 * 6.7.8p14); this used to be rejected with an error per character. */
#include <cuckoo.ckh>

char s[] = { "abc" };
char t[4] = { "xyz" };
char u[2][4] = { { "ab" }, "cd" };

int main(void)
{
    char l[] = { "local" };
    printf("%s %s %s %s %s %u %u\n", s, t, u[0], u[1], l, lengthof(s), lengthof(l));
    return 0;
}
