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

/* A static leaf that returns a struct stays a function at -O2 (the
   inliner takes none such), so it keeps relying on its caller's stack
   check: at -O2 `twice` is inlined into depth, and depth's check then
   covers no static callee -- outer's still does. */
struct pair {
    int a, b;
};

static struct pair halves(int x)
{
    struct pair p;
    p.a = x / 2;
    p.b = x - p.a;
    return p;
}

int outer(int n)
{
    struct pair p = halves(n);
    return p.a * p.b;
}
