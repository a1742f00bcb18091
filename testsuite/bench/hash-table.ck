/* HASH-TABLE (Cuckoo version): hashing.  Counts how often each of OPS
   pseudo-random keys (below KEYS) occurs, in an open-addressing table of
   SLOTS structs indexed by the FNV-1a hash of the key's four bytes (linear
   probing); then looks every key below KEYS up again.  REPEAT rounds, the
   table cleared in between.  Must print the same line as hash-table.c. */
#include <cuckoo.ckh>

#ifndef OPS
#define OPS 1000000
#endif
#ifndef REPEAT
#define REPEAT 30
#endif
#define KEYS 40000
#define SLOTS 65536

struct entry {
    unsigned key;
    int count;
    unsigned char used;
};

static struct entry table[SLOTS];

static unsigned hash(unsigned key)
{
    unsigned h = 2166136261u;
    for (int i = 0; i < 4; i++) {
        h ^= (key >> (8 * i)) & 255;
        h *= 16777619u;
    }
    return h;
}

static void add(unsigned key)
{
    unsigned s = hash(key) & (SLOTS - 1);
    while (table[s].used && table[s].key != key)
        s = (s + 1) & (SLOTS - 1);
    table[s].used = 1;
    table[s].key = key;
    table[s].count++;
}

static int lookup(unsigned key)
{
    unsigned s = hash(key) & (SLOTS - 1);
    while (table[s].used) {
        if (table[s].key == key)
            return table[s].count;
        s = (s + 1) & (SLOTS - 1);
    }
    return 0;
}

int main(void)
{
    unsigned x = 99;
    unsigned check = 0;
    int distinct = 0;
    for (int r = 0; r < REPEAT; r++) {
        for (int s = 0; s < SLOTS; s++) {
            table[s].used = 0;
            table[s].key = 0;
            table[s].count = 0;
        }
        for (int i = 0; i < OPS; i++) {
            x = x * 1103515245u + 12345u;
            add((x >> 8) % KEYS);
        }
        distinct = 0;
        for (unsigned k = 0; k < KEYS; k++) {
            int n = lookup(k);
            if (n > 0)
                distinct++;
            check = check * 31 + (unsigned)n;
        }
    }
    printf("hash-table: %d rounds of %d keys, %d distinct, check %u\n", REPEAT, OPS, distinct, check);
    return 0;
}
