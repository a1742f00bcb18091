/* A mask that does not keep the index below the length keeps its check
   at -O2 (opt/mask.ck's wide()). */
#include <cuckoo.ckh>

static int slots[64];

int wide(unsigned h)
{
    return slots[h & 127];
}

int main(void)
{
    printf("%d\n", wide(63));
    printf("%d\n", wide(100));
    return 0;
}
