/* The loops whose checks -O2 removes or keeps (opt/loop-bounds.ck) give
   the same results at every level. */
#include <cuckoo.ckh>

static char flags[100];

void scale(int v[], int k)
{
    for (unsigned i = 0; i < lengthof(v); i++)
        v[i] *= k;
}

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

int down(void)
{
    int s = 0;
    for (int i = 99; i >= 0; i--)
        s += flags[i] * i;
    return s;
}

void copy(int d[], const int s[])
{
    for (unsigned i = 0; i < lengthof(s); i++)
        d[i] = s[i];
}

int twice(void)
{
    int s = 0;
    for (int i = 0; i < 100; i++) {
        s += flags[i];
        i++;
    }
    return s;
}

/* a counter reset inside its loop, and one stepped by another counter */
int reset(void)
{
    int s = 0, n = 0;
    for (int i = 0; i < 50; i++) {
        if (i == 40 && n++ == 0)
            i = 10;
        s += flags[i + 50];
    }
    for (int k = 1; k < 10; k++)
        for (int j = 0; j < 100; j += k)
            s += flags[j];
    return s;
}

int main(void)
{
    int a[5] = {1, 2, 3, 4, 5};
    int b[6];
    scale(a, 3);
    copy(b, a);
    int p = sieve();
    printf("%d %d %d %d %d %d\n", p, down(), twice(), reset(), b[4], b[5]);
    return 0;
}
