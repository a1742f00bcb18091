/* TOOLCHAIN.md "Conventions": -Wall and -Wextra warn, each message ends
 * with its option, and -Werror makes each an error (-Wno-NAME and
 * -Wno-error=NAME as in gcc).  Every warning of the file in one run. */
#include <cuckoo.ckh>
enum color { RED, GREEN, BLUE };
static int helper(int x) { return x; }
static int used(int x) { return x; }
int f(enum color c, int p, unsigned u, unsigned char b) {
    int unused;
    int n = 0;
    if (n = 3)
        n++;
    if ((n = 4))
        n++;
    switch (c) {
    case RED: return 1;
    case GREEN: return 2;
    }
    if (u < 0) return 5;
    if (u >= 0) n++;
    if (b > 300) n++;
    if (b == -1) n++;
    char buf[16];
    memset_array(buf, 0, sizeof buf);
    int a[4];
    n += sizeof a / sizeof a[0];
    return used(n);
    n++;
}
int main(void) { return f(RED, 1, 2, 3); }
