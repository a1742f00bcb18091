/* A versioned loop (cc/opt/version.c) whose bound is above its array's
   length: the test before the loop sends it to the checked loop, which
   traps at the same iteration as at -O0 -- index 5, after the five
   elements were added up (the partial sums are stored as it goes). */
#include <cuckoo.ckh>

int partial[8];

int sum(const int v[], int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        s += v[i];
        partial[i & 7] = s;
    }
    return s;
}

int main(void)
{
    int a[5] = {1, 2, 3, 4, 5};
    printf("%d\n", sum(a, 5));
    printf("%d\n", sum(a, 6));
    return 0;
}
