/* objcheck/cc-narrow-cmp.sh: a byte compared in memory (cc/i386/isel.c,
 * narrow_cmp_ok). */
#include <cuckoo.ckh>

static char flags[16];

/* `cmpb $0, flags+4(,%i,1)` after the bounds check of i */
int is_set(int i)
{
    if (flags[i])
        return 1;
    return 0;
}

int main(void)
{
    flags[3] = 1;
    printf("%d %d\n", is_set(3), is_set(4));
    return 0;
}
