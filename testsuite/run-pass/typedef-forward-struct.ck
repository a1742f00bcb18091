/* A typedef of a struct declared before the struct is defined names the
 * complete type once the definition is seen (this used to be rejected as
 * "incomplete"). */
#include <cuckoo.ckh>

typedef struct Node Node;
Node make(int v);

struct Node {
    Node *next;
    int value;
};

Node make(int v)
{
    Node n = {0};
    n.value = v;
    return n;
}

int main(void)
{
    Node a = make(3);
    Node b = make(4);
    a.next = &b;
    printf("%d %d %u\n", a.value, a.next->value, (unsigned)sizeof(Node));
    return 0;
}
