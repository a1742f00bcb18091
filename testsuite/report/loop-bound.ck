/* -fcheck-report: a loop's own test implies the bound of the array it
   walks (remove_branch_bounds); a test against another bound, a length
   one too long, or a counter that may go negative leave the check. */
#include <cuckoo.ckh>

static int cells[100];

/* removed: i < lengthof(v) is i <u lengthof(v) */
int total(int v[])
{
    int s = 0;
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v[i];
    return s;
}

/* versioned: n says nothing about lengthof(v), a test before the loop may */
int prefix(int v[], int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

/* kept: the test allows 100, the array ends at 99 */
int off_by_one(void)
{
    int s = 0;
    for (int i = 0; i <= 100; i++)
        s += cells[i % 101];
    for (int i = 0; i < 101; i++)
        s += cells[i];
    return s;
}

/* kept: a counter going down may go negative */
int down(void)
{
    int s = 0;
    for (int i = 99; i >= 0; i--)
        s += cells[i];
    return s;
}

/* kept: the test compares signed, so says nothing of i <u lengthof(v) */
int signed_len(int v[])
{
    int s = 0;
    for (int i = 0; i < (int)lengthof(v); i++)
        s += v[i];
    return s;
}

int main(void)
{
    int a[5] = {1, 2, 3, 4, 5};
    printf("%d %d %d\n", total(a), prefix(a, 3), signed_len(a));
    return 0;
}
