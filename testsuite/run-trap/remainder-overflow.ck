/* INT_MIN % -1 through a compound assignment: trap at the operator. */
#include <cuckoo.ckh>

int main(void)
{
    int x = INT_MIN;
    int d = -1;
    x %= d;
    printf("%d\n", x);
    return 0;
}
