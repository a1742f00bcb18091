/* Output to the input stream fails as in C (EOF) and changes nothing
 * (LANGUAGE.md §12): fprintf(stdin, ...) used to append to stdin's input
 * buffer, past its 4 KiB end over the runtime's own data, and getchar then
 * returned the program's bytes instead of its input. */
#include <cuckoo.ckh>

char big[3000];

int main(void)
{
    int i;
    for (i = 0; i < 2999; i++)
        big[i] = 'A' + i % 26;
    int r = 0;
    for (i = 0; i < 8; i++)
        r = r + fprintf(stdin, "%s", big);
    printf("fprintf(stdin): %d\n", r);
    printf("fflush(stdin): %d\n", fflush(stdin));
    int c = getchar();
    printf("getchar: %c\n", c);
    char line[16];
    printf("read_line: %d ", read_line(line));
    printf("%s\n", line);
    char b[8];
    printf("read_bytes(0): %d\n", read_bytes(0, b, 8));
    printf("write_bytes(0): %d\n", write_bytes(0, b, 1));
    printf("read_bytes(1): %d\n", read_bytes(1, b, 1));
    printf("read_bytes(2): %d\n", read_bytes(2, b, 1));
    fprintf(stderr, "to stderr\n");
    fprintf(stdout, "to stdout\n");
    return 0;
}
