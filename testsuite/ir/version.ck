/* -O2 (the IR is opt/version.ir; run-pass/opt-version.ck runs it): loop
   versioning (cc/opt/version.c).  A loop whose bound n is not its array's
   length keeps the bounds check of v[i]; a copy of the loop without it
   runs when tests before the loop find v non-null and n <=u lengthof(v)
   (and, for a signed test, n and the counter's first value >= 0). */
#include <cuckoo.ckh>

/* versioned: signed test, the counter starts at 0 */
int sum(const int v[], int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

/* versioned: two arrays, each tested; the counter starts at lo (tested) */
int dot(const int a[], const int b[], int lo, int n)
{
    int s = 0;
    for (int i = lo; i < n; i++)
        s += a[i] * b[i];
    return s;
}

/* versioned: an unsigned test against a constant needs no sign tests */
unsigned first100(const unsigned v[])
{
    unsigned s = 0;
    for (unsigned i = 0; i < 100; i++)
        s ^= v[i];
    return s;
}

/* not versioned: the bound changes in the loop */
int shrinking(const int v[], int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        s += v[i];
        n = n - (s & 1);
    }
    return s;
}

/* not versioned: a second way out of the loop */
int until_zero(const int v[], int n)
{
    for (int i = 0; i < n; i++)
        if (v[i] == 0)
            return i;
    return -1;
}

/* not versioned: the index is read after the increment (i + 1 may be n) */
int shifted(const int v[], int n)
{
    int s = 0;
    int i = 0;
    while (i < n) {
        i++;
        s += v[i];
    }
    return s;
}

/* not versioned: a call in the loop */
int printing(const int v[], int n)
{
    for (int i = 0; i < n; i++)
        printf("%d\n", v[i]);
    return 0;
}

/* not versioned: counting down */
int down(const int v[], int n)
{
    int s = 0;
    for (int i = n - 1; i >= 0; i--)
        s += v[i];
    return s;
}
