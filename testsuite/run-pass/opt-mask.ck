/* opt/mask.ck's functions give the same results at every level, and a
   masked index out of range still traps (run-trap/opt-mask-wide.ck). */
#include <cuckoo.ckh>

static int slots[64];

int probe(unsigned h, int key)
{
    unsigned s = h & 63;
    while (slots[s] != 0 && slots[s] != key)
        s = (s + 1) & 63;
    return (int)s;
}

int main(void)
{
    int placed = 0;
    for (int k = 1; k <= 64; k++) {
        int s = probe((unsigned)k * 2654435761u, k);
        if (slots[s] == 0)
            placed++;
        slots[s] = k;
    }
    printf("%d %d %d\n", placed, probe(7u * 2654435761u, 7), slots[probe(64u * 2654435761u, 64)]);
    return 0;
}
