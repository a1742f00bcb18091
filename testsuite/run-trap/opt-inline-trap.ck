/* (opt/inline.ck's swap, one index too far) A check inlined into its
   caller at -O2 reports what -O0 reports: the callee's line, column and
   name. */
#include <cuckoo.ckh>

static void swap(int v[], int i, int j)
{
    int t = v[i];
    v[i] = v[j];
    v[j] = t;
}

int main(void)
{
    int v[4] = {1, 2, 3, 4};
    for (int i = 0; i <= 4; i++)
        swap(v, i, 3 - i / 2);
    printf("not reached\n");
    return 0;
}
