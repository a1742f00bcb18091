/* -O2 removes the checks a loop's own test implies (cc/opt.c), and only
   those.  The golden IR (loop-bounds.ir) must keep every check that can
   fail. */
#include <cuckoo.ckh>

static char flags[100];

/* the test i < lengthof(v) guards v[i]: no bounds check in the body; the
   NULL check of v runs once, before the loop */
void scale(int v[], int k)
{
    for (unsigned i = 0; i < lengthof(v); i++)
        v[i] *= k;
}

/* a signed counter that never goes negative: its test is unsigned and
   implies the bound of flags; j starts at i * i and steps by i */
int sieve(void)
{
    int count = 0;
    for (int i = 2; i < 100; i++) {
        if (flags[i])
            continue;
        count++;
        for (int j = i * i; j < 100; j += i)
            flags[j] = 1;
    }
    return count;
}

/* kept: the test bounds i by 101, the array has 100 elements */
int off_by_one(void)
{
    int s = 0;
    for (int i = 0; i < 101; i++)
        s += flags[i];
    return s;
}

/* kept: a counter that counts down may go negative */
int down(void)
{
    int s = 0;
    for (int i = 99; i >= 0; i--)
        s += flags[i];
    return s;
}

/* kept: the test is against another array's length */
void copy(int d[], const int s[])
{
    for (unsigned i = 0; i < lengthof(s); i++)
        d[i] = s[i];
}

/* kept: two increments of one counter */
int twice(void)
{
    int s = 0;
    for (int i = 0; i < 100; i++) {
        s += flags[i];
        i++;
    }
    return s;
}

/* never run: off_by_one reads flags[100] (run-trap/opt-loop-past.ck) */
int main(void)
{
    int a[5] = {1, 2, 3, 4, 5};
    int b[5];
    scale(a, 2);
    copy(b, a);
    printf("%d %d %d %d %d\n", sieve(), off_by_one(), down(), twice(), b[4]);
    return 0;
}
