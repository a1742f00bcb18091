/* A versioned loop (cc/opt/version.c) given a NULL array: the test before
   the loop sends it to the checked loop, which traps on its first
   iteration as at -O0; with no iteration (n = 0) nothing traps. */
#include <cuckoo.ckh>

int sum(const int v[], int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

int main(void)
{
    printf("%d\n", sum(NULL, 0));
    printf("%d\n", sum(NULL, 2));
    return 0;
}
