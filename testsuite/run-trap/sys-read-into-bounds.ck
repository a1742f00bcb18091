/* read_into traps before it reads anything when off + n passes the end. */
#include <cuckoo.ckh>

int main(void)
{
    char b[10];
    int r = read_into(0, b, 5, 6);
    printf("not reached %d\n", r);
    return 0;
}
