/* BINARY-TREES (C version): recursion and allocation.  Builds complete
   binary trees of depth 4, 6, ..., DEPTH with calloc (each node zero-filled),
   walks them and frees them, many small trees and then few big ones, with
   one long-lived tree of depth DEPTH kept throughout.  Must print the same
   line as binary-trees.ck. */
#include <stdio.h>
#include <stdlib.h>

#ifndef DEPTH
#define DEPTH 14
#endif

struct node {
    struct node *left;
    struct node *right;
    int item;
};

static struct node *make(int item, int depth)
{
    struct node *n = calloc(1, sizeof(struct node));
    n->item = item;
    if (depth > 0) {
        n->left = make(2 * item - 1, depth - 1);
        n->right = make(2 * item, depth - 1);
    }
    return n;
}

static int check(struct node *n)
{
    if (n->left == NULL)
        return n->item;
    return n->item + check(n->left) - check(n->right);
}

static void release(struct node *n)
{
    if (n->left != NULL) {
        release(n->left);
        release(n->right);
    }
    free(n);
}

int main(void)
{
    struct node *long_lived = make(0, DEPTH);
    long long total = 0;
    int trees = 0;
    for (int depth = 4; depth <= DEPTH; depth += 2) {
        int iterations = 1 << (DEPTH - depth + 4);
        for (int i = 1; i <= iterations; i++) {
            struct node *a = make(i, depth);
            struct node *b = make(-i, depth);
            total += check(a) + check(b);
            release(a);
            release(b);
            trees += 2;
        }
    }
    total += check(long_lived);
    release(long_lived);
    printf("binary-trees: depth %d, %d trees, check %lld\n", DEPTH, trees, total);
    return 0;
}
