/* const, volatile, register, inline and _Noreturn. */
#include <cuckoo.ckh>

const int LIMIT = 3;
const double RATE = 0.125;
const char banner[] = "const banner";
const int squares[4] = {0, 1, 4, 9};

static inline int twice(const int x) { return x * 2; }

int sum_const(const int v[])
{
    int s = 0;
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v[i];
    return s;
}

int read_through(const int *p) { return *p + 1; }

_Noreturn void finish(int code)
{
    printf("finishing with %d\n", code);
    exit(code);
}

int main(void)
{
    printf("%d %g %s %d\n", LIMIT, RATE, banner, squares[3]);
    register int r = 10;
    volatile int v = 5;
    v += r;
    printf("register %d volatile %d inline %d\n", r, v, twice(v));
    int mutable_value = 41;
    const int *view = &mutable_value;
    mutable_value++;
    printf("view %d %d\n", *view, read_through(view));
    int arr[3] = {1, 2, 3};
    const int (*cview)[] = arr;
    arr[0] = 100;
    printf("cview %d %d %d\n", cview[0], sum_const(arr), sum_const(cview));
    printf("const global %d\n", sum_const(squares));
    const struct {
        int a;
        const char (*s)[];
    } cs = {7, "seven"};
    printf("const struct %d %s\n", cs.a, cs.s);
    volatile int spin = 0;
    for (int i = 0; i < 1000; i++)
        spin++;
    printf("spin %d\n", spin);
    finish(0);
}
