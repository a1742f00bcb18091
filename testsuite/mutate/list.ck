/* Mutation input: struct pointers and a linked list in the heap, reached
   from a global. */
#include <cuckoo.ckh>

struct node {
    int v;
    struct node *next;
};

struct node *head;

void push(int v)
{
    struct node *n = new(struct node);
    n->v = v;
    n->next = head;
    head = n;
}

int sum(const struct node *n)
{
    int k = 0;
    while (n) {
        k += n->v;
        n = n->next;
    }
    return k;
}

int second(const struct node *n) { return n->next->v + n->v; }

int main(int argc, string *argv[])
{
    for (int i = 0; i < argc + 2; i++)
        push(i);
    printf("%d %d\n", sum(head), second(head));
    return 0;
}
