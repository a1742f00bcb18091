/* read_line reads standard input one line at a time. */
#include <cuckoo.ckh>

int main(void)
{
    char line[32];
    int n = 0;
    int total = 0;
    while (read_line(line) != -1) {
        n++;
        unsigned len = strlen(line);
        printf("%d: [%s] %u\n", n, line, len);
        total += atoi(line);
    }
    printf("lines %d total %d\n", n, total);
    printf("again %d\n", read_line(line));
    return 0;
}
