/* -fcheck-report: an index made only by masks and constants is below the
   largest mask + 1 (use_counter_ranges); a wider mask keeps the check. */
#include <cuckoo.ckh>

static int slots[256];

int lookup(unsigned h)
{
    return slots[h & 0xff];
}

int probe(unsigned h, int key)
{
    unsigned s = h & 255;
    while (slots[s] != 0 && slots[s] != key)
        s = (s + 1) & 255;
    return (int)s;
}

/* kept: the mask allows 511 */
int wide(unsigned h)
{
    return slots[h & 511];
}

int main(void)
{
    printf("%d %d %d\n", lookup(3), probe(5, 0), wide(7));
    return 0;
}
