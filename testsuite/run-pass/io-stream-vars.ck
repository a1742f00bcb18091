/* The program may assign the stream variables (they are plain FILE *);
 * the runtime checks the FILE each names at every call, so stdout = stdin
 * makes output fail as in C (EOF) instead of filling stdin's input buffer,
 * and stdin = stdout makes input fail and leaves the buffer alone. */
#include <cuckoo.ckh>

int main(void)
{
    FILE *out = stdout;
    FILE *in = stdin;
    stdout = in;
    int p = printf("lost %d\n", 1);
    int q = puts("lost");
    int r = putchar('x');
    stdout = stderr;
    printf("to stderr\n");
    stdout = out;
    printf("printf %d puts %d putchar %d\n", p, q, r);
    stdin = out;
    char line[8] = "keep";
    printf("getchar %d read_line %d %s\n", getchar(), read_line(line), line);
    stdin = in;
    printf("getchar %c read_line %d %s\n", getchar(), read_line(line), line);
    return 0;
}
