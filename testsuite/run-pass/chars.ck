/* Character constants and escapes; char is signed. */
#include <cuckoo.ckh>

int main(void)
{
    char e[12] = {'\n', '\t', '\\', '\'', '\"', '\0', '\a', '\b', '\f', '\r', '\v', '\?'};
    for (unsigned i = 0; i < lengthof(e); i++)
        printf("%d ", e[i]);
    printf("\n");
    printf("octal %d %d %d %d\n", '\101', '\0', '\177', '\377');
    printf("hex %d %d %d\n", '\x41', '\x7f', '\x80');
    printf("letters %c%c%c %d\n", 'C', 'k', 0x21, 'a' - 'A');
    char c = 'z';
    c = c - 25;
    putchar(c);
    putchar('\n');
    char up[6] = "hello";
    for (int i = 0; up[i] != '\0'; i++)
        up[i] = up[i] - 'a' + 'A';
    printf("%s\n", up);
    unsigned char u = '\xff';
    char s = '\xff';
    printf("ff %d %d %d\n", u, s, u == s);
    int count = 0;
    for (char ch = 'a'; ch <= 'z'; ch++)
        if (ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u')
            count++;
    printf("vowels %d\n", count);
    char str[] = "tab\there\\ \"q\" \x41\102C";
    printf("%s|%u\n", str, lengthof(str));
    printf("%%c: [%c] [%3c] [%-3c]\n", 'x', 'y', 'z');
    return 0;
}
