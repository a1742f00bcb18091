/* Function pointers: variables, arrays of them, struct members, arguments, results. */
#include <cuckoo.ckh>

int add(int a, int b) { return a + b; }
int sub(int a, int b) { return a - b; }
int mul(int a, int b) { return a * b; }
static int maxi(int a, int b) { return a > b ? a : b; }

typedef int (*op_t)(int, int);

struct command {
    const char (*name)[];
    op_t fn;
};

struct command commands[] = {
    {"add", add}, {"sub", sub}, {"mul", mul}, {"max", maxi}, {"none", NULL},
};

int fold(const int v[], op_t f, int init)
{
    int acc = init;
    for (unsigned i = 0; i < lengthof(v); i++)
        acc = f(acc, v[i]);
    return acc;
}

op_t pick(char c)
{
    switch (c) {
    case '+': return add;
    case '-': return sub;
    case '*': return &mul;
    }
    return NULL;
}

void apply_all(void (*f)(int), int n)
{
    for (int i = 0; i < n; i++)
        f(i);
}

int total;
void accumulate(int x) { total += x * x; }

void sort(int v[], int (*less)(int, int))
{
    for (unsigned i = 1; i < lengthof(v); i++)
        for (unsigned j = i; j > 0 && less(v[j], v[j - 1]); j--) {
            int t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
}

int ascending(int a, int b) { return a < b; }
int descending(int a, int b) { return a > b; }

double apply_d(double (*f)(double), double x) { return f(x); }
double twice(double x) { return 2 * x; }

int main(void)
{
    for (unsigned i = 0; i < lengthof(commands); i++) {
        if (commands[i].fn)
            printf("%s(7,3)=%d ", commands[i].name, commands[i].fn(7, 3));
        else
            printf("%s is NULL", commands[i].name);
    }
    printf("\n");
    int v[5] = {5, 1, 4, 2, 3};
    printf("fold %d %d %d\n", fold(v, add, 0), fold(v, mul, 1), fold(v, maxi, -100));
    const char ops[] = "+-*/";
    for (unsigned i = 0; i + 1 < lengthof(ops); i++) {
        op_t f = pick(ops[i]);
        if (f != NULL)
            printf("%c %d  ", ops[i], (*f)(20, 4));
        else
            printf("%c null", ops[i]);
    }
    printf("\n");
    apply_all(accumulate, 5);
    printf("total %d\n", total);
    sort(v, ascending);
    printf("%d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4]);
    sort(v, descending);
    printf("%d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4]);
    op_t table[2][2] = {{add, sub}, {mul, maxi}};
    printf("table %d %d\n", table[1][0](6, 7), table[0][1](6, 7));
    op_t a = add, b = add;
    printf("compare %d %d %d\n", a == b, a == sub, a != NULL);
    printf("double %.2f %.2f\n", apply_d(twice, 1.25), apply_d(twice, -0.5));
    struct command c = commands[2];
    c.fn = pick('-');
    printf("copied %s %d\n", c.name, c.fn(1, 2));
    return 0;
}
