/* Mutation input: locals whose address is passed to a callee, a global
   pointer, recursion (its own stack check) and a static helper covered by
   its caller's check. */
#include <cuckoo.ckh>

int *gp;
int g = 5;

void fill(int (*a)[], int v)
{
    for (unsigned i = 0; i < lengthof(a); i++)
        a[i] = v + i;
}

void bump(int *p) { *p += 1; }

static int twice(int x) { return x + x; }

int depth(int n)
{
    int buf[4];
    fill(buf, n);
    if (n <= 0)
        return buf[3];
    return depth(n - 1) + twice(buf[n & 3]);
}

int main(int argc, string *argv[])
{
    int local = argc;
    int arr[6];
    bump(&local);
    fill(arr, local);
    gp = &g;
    bump(gp);
    printf("%d %d %d\n", depth(argc + 3), arr[argc], *gp);
    return 0;
}
