/* poll's count is checked against its array of struct pollfd. */
#include <cuckoo.ckh>

int main(void)
{
    struct pollfd p[2];
    p[0].fd = 0;
    p[0].events = POLLIN;
    p[1].fd = 0;
    p[1].events = POLLIN;
    printf("%d\n", poll(p, 3, 0));
    return 0;
}
