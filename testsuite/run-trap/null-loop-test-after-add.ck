/* A NULL array pointer in a loop test that computes before it reads the
 * length (`i + 1 < lengthof(v)`): at -O1 and up the loop head's NULL
 * check moves before the loop, past the addition (cc/opt/null.c,
 * hoist_head_null_checks), and still traps at the loop test's line and
 * column, after the output before it, as at -O0. */
#include <cuckoo.ckh>

int pairs(const int v[], int k)
{
    int s = 0;
    for (unsigned i = 0; i + 1 < lengthof(v); i++)
        s += v[i] * k + v[i + 1];
    return s;
}

int main(void)
{
    int a[6] = {1, 2, 3, 4, 5, 6};
    printf("%d\n", pairs(a, 3));
    printf("%d\n", pairs(NULL, 2));
    return 0;
}
