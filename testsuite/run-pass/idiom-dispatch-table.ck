/* A trial program's idiom (issue 10): a command interpreter driven by a
 * dispatch table of function pointers (a name, an arity and a handler per
 * command; handlers also chosen by index from an array of pointers),
 * compiled with -Wall -Wextra -Werror. */
#include <stddef.h>

typedef int (*handler_fn)(int stack[], int *depth);

static int op_push1(int stack[], int *depth) {
    stack[(*depth)++] = 1;
    return 0;
}

static int op_add(int stack[], int *depth) {
    *depth -= 1;
    stack[*depth - 1] += stack[*depth];
    return 0;
}

static int op_mul(int stack[], int *depth) {
    *depth -= 1;
    stack[*depth - 1] *= stack[*depth];
    return 0;
}

static int op_dup(int stack[], int *depth) {
    stack[*depth] = stack[*depth - 1];
    *depth += 1;
    return 0;
}

static int op_div(int stack[], int *depth) {
    if (stack[*depth - 1] == 0)
        return -EINVAL;         /* refused, as a system call would */
    *depth -= 1;
    stack[*depth - 1] /= stack[*depth];
    return 0;
}

struct command {
    const char (*name)[];
    int needs;                  /* operands it pops */
    handler_fn run;
};

static const struct command commands[] = {
    {"one", 0, op_push1},
    {"add", 2, op_add},
    {"mul", 2, op_mul},
    {"dup", 1, op_dup},
    {"div", 2, op_div},
};

static const struct command *lookup(const char name[]) {
    for (unsigned i = 0; i < lengthof(commands); i++)
        if (strcmp(*commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

/* Runs the words of PROGRAM separated by spaces; returns the top of the
 * stack or a negative error. */
static int run(const char program[]) {
    int stack[16];
    int depth = 0;
    char word[8];
    unsigned pos = 0;
    unsigned len = strlen(program);
    while (pos < len) {
        unsigned n = 0;
        while (pos < len && program[pos] != ' ') {
            if (n + 1 < lengthof(word))
                word[n++] = program[pos];
            pos++;
        }
        word[n] = '\0';
        pos++;
        if (n == 0)
            continue;
        const struct command *c = lookup(word);
        if (c == NULL) {
            printf("  unknown word '%s'\n", word);
            return -ENOENT;
        }
        if (depth < c->needs || depth + 1 > (int)lengthof(stack)) {
            printf("  stack %s at '%s'\n", depth < c->needs ? "underflow" : "overflow", word);
            return -ERANGE;
        }
        int err = c->run(stack, &depth);
        if (err < 0)
            return err;
    }
    return depth > 0 ? stack[depth - 1] : 0;
}

int main(void) {
    const char (*programs[])[] = {
        "one one add dup mul dup add",         /* ((1+1)^2)*2 = 8 */
        "one dup add dup dup mul mul",         /* 2*2*2 = 8 */
        "one add",
        "one one one add add one div",
        "one one one add add one one add add one one one add add dup one add add div",
        "one zero",
    };
    for (unsigned i = 0; i < lengthof(programs); i++) {
        int r = run(*programs[i]);
        if (r < 0)
            printf("%u: error %d (%s)\n", i, r, *strerror(r));
        else
            printf("%u: %d\n", i, r);
    }
    /* the same handlers chosen by index, through an array of pointers */
    handler_fn by_index[] = {op_push1, op_dup, op_add, op_dup, op_mul};
    int stack[8];
    int depth = 0;
    for (unsigned i = 0; i < lengthof(by_index); i++)
        by_index[i](stack, &depth);
    printf("by index: depth %d, top %d\n", depth, stack[depth - 1]);
    int zero_div[2] = {5, 0};
    int zdepth = 2;
    handler_fn div = lookup("div")->run;
    printf("div by zero: %d, depth %d\n", div(zero_div, &zdepth), zdepth);
    return 0;
}
