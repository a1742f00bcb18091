/* -O2 (the IR is opt/tail-recursion.ir; run-pass/opt-tail-recursion.ck
   runs more forms at every level): a function's calls of itself in tail
   position become a jump to a loop head after its parameter reads, with
   an accumulator for `x + f(...)` (cc/opt/tailrec.c). */
#include <cuckoo.ckh>

static const int v[8] = {5, -3, 8, 1, -7, 2, 9, -4};

/* the second call, added to the first's result, becomes the loop; the
   first stays a call, with the base case copied in front of it */
static long long count(int i, int sum)
{
    if (i == 8)
        return sum == 0;
    return count(i + 1, sum) + count(i + 1, sum + v[i]);
}

/* the parameters rotate: the old value of one is kept in a new temp */
static int rotate3(int a, int b, int c, int n)
{
    if (n == 0)
        return a * 100 + b * 10 + c;
    return rotate3(c, a, b, n - 1);
}

/* the addend is computed after the call; it moves before the jump */
static int sum_to(int n, int k)
{
    if (n <= 0)
        return k;
    return sum_to(n - 1, k) + 2 * n;
}

/* left alone: a product, and a local array whose frame a callee sees */
static long long fact(int n)
{
    if (n <= 1)
        return 1;
    return n * fact(n - 1);
}

static int with_local(int n)
{
    int a[2] = {n, n + 1};
    if (n == 0)
        return a[1];
    return a[0] + with_local(n - 1);
}

long long run(int n)
{
    return count(0, n) + rotate3(1, 2, 3, n) + sum_to(n, 1) + fact(n) + with_local(n);
}
