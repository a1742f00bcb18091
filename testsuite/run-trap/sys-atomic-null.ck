/* An atomic operation on NULL traps null. */
#include <cuckoo.ckh>

int *p;

int main(void)
{
    printf("%d\n", atomic_add(p, 1));
    return 0;
}
