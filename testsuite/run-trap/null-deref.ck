/* *p on a NULL pointer (after delete set it to NULL). */
#include <cuckoo.ckh>

int main(void)
{
    int *p = new(int);
    *p = 5;
    printf("%d\n", *p);
    delete(p);
    int v = *p;
    printf("%d\n", v);
    return 0;
}
