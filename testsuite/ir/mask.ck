/* -O2: an index made only by masks and constants needs no bounds check
   when the mask keeps it below the length (cc/opt.c use_counter_ranges);
   the proof checker knows the bound from the andl itself. */
#include <cuckoo.ckh>

static int slots[64];

/* a hash slot with linear probing: no check */
int probe(unsigned h, int key)
{
    unsigned s = h & 63;
    while (slots[s] != 0 && slots[s] != key)
        s = (s + 1) & 63;
    return (int)s;
}

/* kept: the mask allows 127 */
int wide(unsigned h)
{
    return slots[h & 127];
}

/* kept: s is also set from a parameter */
int mixed(unsigned h, unsigned k)
{
    unsigned s = h & 63;
    if (k > 3)
        s = k;
    return slots[s];
}
