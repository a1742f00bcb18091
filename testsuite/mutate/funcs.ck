/* Mutation input: function pointers from a table indexed by argc, as
   parameters and in a struct. */
#include <cuckoo.ckh>

typedef int (*op_t)(int, int);

int add(int a, int b) { return a + b; }
int mul(int a, int b) { return a * b; }

op_t ops[2] = {add, mul};

struct cmd {
    int arg;
    op_t fn;
};

int apply(op_t f, int x) { return f(x, x); }

int run(const struct cmd *c) { return c->fn(c->arg, 2); }

int main(int argc, string *argv[])
{
    struct cmd c = {argc, ops[argc & 1]};
    printf("%d %d\n", apply(ops[(argc - 1) % 2], 7), run(&c));
    return 0;
}
