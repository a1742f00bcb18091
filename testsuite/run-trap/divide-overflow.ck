/* INT_MIN / -1 overflows: trap divide. */
#include <cuckoo.ckh>

int main(void)
{
    int a = INT_MIN;
    int b = -1;
    printf("%d\n", a / 1);
    printf("%d\n", a / b);
    return 0;
}
