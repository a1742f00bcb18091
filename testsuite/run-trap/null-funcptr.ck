/* A call through a NULL function pointer. */
#include <cuckoo.ckh>

typedef int (*op_t)(int, int);

int add(int a, int b) { return a + b; }

struct ops {
    op_t plus;
    op_t minus;
};

int main(void)
{
    struct ops o = {add};
    printf("%d\n", o.plus(2, 3));
    op_t f = o.minus;
    printf("%d\n", f(2, 3));
    return 0;
}
