/* -O2 (the IR is opt/zero-loops.ir; run-pass/opt-zero-loops.ck runs it): a
   loop that only zeroes a whole array becomes one block fill
   (cc/opt/idiom.c); a loop that does anything else stays a loop. */
#include <cuckoo.ckh>

static char flags[1000];
static short halves[10];

/* becomes memzero of 1000 bytes, and i is 1000 after it */
int clear_flags(void)
{
    int i;
    for (i = 0; i < 1000; i++)
        flags[i] = 0;
    return i;
}

/* a local array: memzero of its 64 words */
int local_sum(int k)
{
    int t[64];
    for (int i = 0; i < 64; i++)
        t[i] = k;
    for (int i = 0; i < 64; i++)
        t[i] = 0;
    t[k & 63] = k;
    int s = 0;
    for (int i = 0; i < 64; i++)
        s += t[i];
    return s;
}

/* stays: the value is not zero, the loop starts at 1, the bound is not a
   constant */
void stays(int n)
{
    for (int i = 0; i < 10; i++)
        halves[i] = 1;
    for (int i = 1; i < 10; i++)
        halves[i] = 0;
    for (int i = 0; i < n; i++)
        halves[i] = 0;
}
