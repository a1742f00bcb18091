/* objcheck/cc-string-rep.sh: a struct assignment copied with rep movsl
 * (cc/i386/isel.c, copy_bytes). */
#include <cuckoo.ckh>

struct big {
    int a[1000];
};

struct big g1;
struct big g2;

void f(void)
{
    g2 = g1;
}

int main(void)
{
    g1.a[999] = 7;
    f();
    printf("%d %d\n", g2.a[999], lengthof(g2.a));
    return 0;
}
