/* Storing to a member through a NULL struct pointer. */
#include <cuckoo.ckh>

struct node { int key; long long val; struct node *next; };

void setval(struct node *n, long long v)
{
    while (n->next)
        n = n->next;
    n->next->val = v;
}

int main(void)
{
    struct node *a = new(struct node);
    a->next = new(struct node);
    a->next->key = 7;
    printf("%d\n", a->next->key);
    setval(a, 5);
    printf("unreachable\n");
    return 0;
}
