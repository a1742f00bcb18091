/* objcheck/cc-rmw.sh: read-modify-writes (cc/i386/isel.c, rmw_match). */
#include <cuckoo.ckh>

static int hits[4];

/* a[i] += x: the bounds check, then `addl %x, 0(%a,%i,4)` */
void bump(int a[], int i, int x)
{
    a[i] += x;
}

/* a global by index, with a constant: `xorl $5, hits+4(,%i,4)` (the
   length word is at hits) after the store check of a domain */
void flip(int i)
{
    hits[i] ^= 5;
}

int main(void)
{
    int a[3] = {1, 2, 3};
    bump(a, 2, 40);
    flip(1);
    flip(3);
    printf("%d %d %d %d\n", a[2], hits[1], hits[3], hits[0]);
    return 0;
}
