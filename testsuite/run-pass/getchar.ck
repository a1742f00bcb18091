/* getchar: count characters, words and lines until EOF. */
#include <cuckoo.ckh>

int main(void)
{
    int chars = 0, words = 0, lines = 0, in_word = 0;
    int freq[26];
    int c;
    while ((c = getchar()) != EOF) {
        chars++;
        if (c == '\n')
            lines++;
        if (c == ' ' || c == '\n' || c == '\t') {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
        if (c >= 'a' && c <= 'z')
            freq[c - 'a']++;
        if (c >= 'A' && c <= 'Z')
            freq[c - 'A']++;
    }
    printf("%d %d %d\n", lines, words, chars);
    for (int i = 0; i < 26; i++)
        if (freq[i] >= 3)
            printf("%c%d ", 'a' + i, freq[i]);
    printf("\n");
    printf("after eof %d\n", getchar());
    return 0;
}
