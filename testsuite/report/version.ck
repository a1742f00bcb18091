/* -fcheck-report of loop versioning (cc/opt/version.c): a check that
   only the checked copy of a versioned loop keeps is reported
   "versioned", with the test before the loop that lets the other copy
   go without it; a loop the pass leaves keeps its checks as before.  A
   store check goes from the copy run outside every domain. */
#include <cuckoo.ckh>

/* versioned: the NULL check and the bounds check of v[i] */
int sum(const int v[], int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

/* versioned against a constant bound (an unsigned test: no sign tests
   before the loop) */
unsigned first(const unsigned v[])
{
    unsigned s = 0;
    for (unsigned i = 0; i < 10; i++)
        s = s * 3 + v[i];
    return s;
}

/* kept: the bound changes in the loop */
int shrinking(const int v[], int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        s += v[i];
        n = n - (s & 1);
    }
    return s;
}

/* versioned on the domain flag: the store check of v[i] (v may point
   into static storage); the bounds check goes by the loop's own test */
void scale(int v[], int k)
{
    for (unsigned i = 0; i < lengthof(v); i++)
        v[i] = v[i] * k;
}
