/* §13.1: a tree of owned nodes, built, walked by lending, and deleted
 * with one delete of its root; take and share move nodes between owners;
 * an owned array of owned pointers grows and shrinks with renew. */
#include <cuckoo.ckh>

struct tree {
    int key;
    struct tree *own left, *own right;
};

struct tree *own build(int lo, int hi) {
    if (lo > hi)
        return NULL;
    int mid = (lo + hi) / 2;
    struct tree *own t = new(struct tree);
    t->key = mid;
    t->left = build(lo, mid - 1);
    t->right = build(mid + 1, hi);
    return t;
}

/* lent: the callee reads the tree, and may lend its members on */
int sum(struct tree *t) { return t ? t->key + sum(t->left) + sum(t->right) : 0; }
int size(struct tree *t) { return t ? 1 + size(t->left) + size(t->right) : 0; }

struct item {
    int id;
    struct item *own next;
};

int chain(struct item *it) { return it ? 1 + chain(it->next) : 0; }

struct item *shared_items[2];

int main(void) {
    struct tree *own root = build(1, 1000);
    printf("size %d sum %d\n", size(root), sum(root));

    /* take a subtree out: the root keeps the rest */
    struct tree *own sub = take(root->left);
    printf("root now %d, taken %d, left is %s\n", size(root), size(sub),
           root->left == NULL ? "NULL" : "set");

    /* storing into an owned member deletes what it held */
    root->right = take(sub);
    printf("root now %d, sub is %s\n", size(root), sub == NULL ? "NULL" : "set");
    delete(root);

    /* an owned array of owned pointers */
    struct item *own (*own items)[] = new(struct item *own[4]);
    for (int i = 0; i < 4; i++) {
        items[i] = new(struct item);
        items[i]->id = i;
        items[i]->next = new(struct item);
    }
    renew(items, 8);
    printf("renewed to %u: %d %d %s\n", lengthof(items), items[3]->id, chain(items[3]),
           items[7] == NULL ? "NULL" : "set");
    renew(items, 2);
    printf("shrunk to %u: %d %d\n", lengthof(items), items[0]->id, items[1]->id);

    /* share: the object becomes an ordinary shared one for good */
    struct item *own one = take(items[1]);
    shared_items[0] = share(one);
    shared_items[1] = shared_items[0];
    shared_items[1]->id = 42;
    printf("shared %d %d\n", shared_items[0]->id, chain(shared_items[0]));
    delete(items);
    one = new(struct item);
    one->id = 7;
    printf("reassigned %d\n", one->id);
    delete(one);
    return 0;
}
