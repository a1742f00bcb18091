/* objcheck/cc-placement.sh: block placement (cc/mach/layout.c). */
#include <cuckoo.ckh>

struct node {
    struct node *next;
    int key;
};

/* the loop's test moves to the bottom, where it branches back to the
   body; the element access needs no check of its own, as the test
   proves i below the length at every entry and back edge */
int sum(int a[])
{
    int s = 0;
    for (int i = 0; i < lengthof(a); i++)
        s += a[i];
    return s;
}

/* two exit tests at the top (`a && b`) and an if/else in the body */
struct node *merge(struct node *global a, struct node *global b)
{
    struct node *head = NULL;
    struct node *tail = NULL;
    while (a != NULL && b != NULL) {
        struct node *n;
        if (b->key < a->key) {
            n = b;
            b = b->next;
        } else {
            n = a;
            a = a->next;
        }
        if (tail == NULL)
            head = n;
        else
            tail->next = n;
        tail = n;
    }
    struct node *rest = a != NULL ? a : b;
    if (tail == NULL)
        return rest;
    tail->next = rest;
    return head;
}

int main(void)
{
    int a[5] = {1, 2, 3, 4, 5};
    struct node *odds = NULL, *evens = NULL;
    for (int i = 5; i >= 0; i--) {
        struct node *p = new(struct node);
        p->key = i;
        if (i & 1) {
            p->next = odds;
            odds = p;
        } else {
            p->next = evens;
            evens = p;
        }
    }
    int keys = 0;
    for (struct node *p = merge(odds, evens); p != NULL; p = p->next)
        keys = keys * 10 + p->key;
    printf("%d %d\n", sum(a), keys);
    return 0;
}
