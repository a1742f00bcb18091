/* Integer division by zero. */
#include <cuckoo.ckh>

int ratio(int a, int b) { return a / b; }

int main(void)
{
    printf("%d\n", ratio(10, 3));
    printf("%d\n", ratio(10, 0));
    return 0;
}
