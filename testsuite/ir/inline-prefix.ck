/* -O2 (the IR is opt/inline-prefix.ir; run-pass/opt-inline-prefix.ck runs
   it): a static function that calls has the prefix that returns without a
   call -- its base case -- copied to its call sites, with the call kept
   for every other way (cc/opt/inline.c, partial inlining). */
#include <cuckoo.ckh>

struct node {
    struct node *left, *right;
    int item;
};

/* the base case n == 0 is copied into the recursive call; the other call,
   added to its result, became a loop (opt/tail-recursion.ck) */
static long long paths(int n, int x)
{
    if (n == 0)
        return x & 1;
    return paths(n - 1, x) + paths(n - 1, x + n);
}

/* the prefix reads n->left behind a NULL check: the copy keeps the
   check, which reports `in depth` as the call would */
static int depth(struct node *n)
{
    if (n->left == NULL)
        return 1;
    int l = depth(n->left), r = depth(n->right);
    return 1 + (l > r ? l : r);
}

long long run(int n, struct node *t)
{
    return paths(n, 1) + depth(t);
}
