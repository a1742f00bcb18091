/* (opt/inline-prefix.ck's depth on a node with a left child and no right
   one) The NULL check copied into the caller with
   the base case reports what the call reports at -O0: the callee's line,
   column and name. */
#include <cuckoo.ckh>

struct node {
    struct node *left, *right;
    int item;
};

static int depth(struct node *n)
{
    if (n->left == NULL)
        return 1;
    int l = depth(n->left), r = depth(n->right);
    return 1 + (l > r ? l : r);
}

int main(void)
{
    struct node *b = new(struct node), *c = new(struct node);
    b->left = c;
    b->right = NULL;
    printf("%d\n", depth(c));
    printf("%d\n", depth(b));
    return 0;
}
