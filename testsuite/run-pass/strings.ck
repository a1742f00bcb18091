/* String literals, concatenation, char arrays, %s with and without NUL. */
#include <cuckoo.ckh>

int count_char(const char s[], char c)
{
    int n = 0;
    for (unsigned i = 0; i < lengthof(s) && s[i]; i++)
        if (s[i] == c)
            n++;
    return n;
}

void reverse(char s[])
{
    unsigned n = strlen(s);
    for (unsigned i = 0; i < n / 2; i++) {
        char t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
}

int main(void)
{
    printf("%u %u %u\n", lengthof("abc"), sizeof("abc"), lengthof(""));
    printf("%s\n", "con" "cat" "enated");
    printf("%u\n", lengthof("ab" "cd"));
    char s[] = "hello, world";
    printf("%s %u %u\n", s, lengthof(s), sizeof(s));
    s[0] = 'H';
    reverse(s);
    printf("%s\n", s);
    printf("count %d %d\n", count_char("mississippi", 's'), count_char(s, 'o'));
    char noterm[3] = {'a', 'b', 'c'};
    printf("[%s]\n", noterm);
    char early[8] = "ab\0cd";
    printf("[%s] %u %d\n", early, lengthof(early), early[3]);
    printf("[%5s][%-5s][%.2s][%5.1s]\n", "ab", "ab", "abcdef", "xyz");
    char padded[10] = "hi";
    printf("%d %d %d\n", padded[2], padded[9], lengthof(padded) == 10);
    const char (*lit)[] = "pointer to a literal";
    printf("%s %u\n", lit, lengthof(lit));
    puts("puts adds a newline");
    printf("%c%c\n", "xyz"[1], "xyz"[2] + 1);
    return 0;
}
