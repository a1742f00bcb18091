/* Double delete through a copy: the first delete nulls only its own operand. */
#include <cuckoo.ckh>

struct pair {
    int a, b;
};

int main(void)
{
    struct pair *p = new(struct pair);
    struct pair *copy = p;
    delete(p);
    printf("p %s copy %s\n", p ? "set" : "NULL", copy ? "set" : "NULL");
    delete(copy);
    return 0;
}
