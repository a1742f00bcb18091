/* Member access through a NULL struct pointer. */
#include <cuckoo.ckh>

struct node {
    int value;
    struct node *next;
};

int second(const struct node *n)
{
    return n->next->value;
}

int main(void)
{
    struct node *last = new(struct node);
    struct node *first = new(struct node);
    first->next = last;
    printf("%d\n", second(first));
    printf("%d\n", second(last));
    return 0;
}
