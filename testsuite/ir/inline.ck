/* -O2 (the IR is opt/inline.ck's; run-pass/opt-inline.ck runs it): small
   static functions that call nothing are copied into their callers
   (cc/opt/inline.c); their checks come with them and still report the
   callee's name. */
#include <cuckoo.ckh>

static void swap(int v[], int i, int j)
{
    int t = v[i];
    v[i] = v[j];
    v[j] = t;
}

static unsigned mix(unsigned x)
{
    x ^= x >> 16;
    x *= 0x7feb352du;
    return x ^ (x >> 15);
}

/* a parameter whose address is taken lives in a slot of the caller */
static int twice(int n)
{
    int *p = &n;
    *p = *p * 2;
    return n;
}

/* not inlined: it calls a function */
static int shout(int n)
{
    printf("%d\n", n);
    return n;
}

int reverse(int v[])
{
    int n = (int)lengthof(v);
    for (int i = 0; i < n / 2; i++)
        swap(v, i, n - 1 - i);
    return twice(n) + (int)mix((unsigned)n) + shout(n);
}
