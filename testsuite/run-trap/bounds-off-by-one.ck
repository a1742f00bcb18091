/* The classic off-by-one loop: the output before the trap is flushed. */
#include <cuckoo.ckh>

int main(void)
{
    int a[10];
    printf("filling\n");
    for (int i = 0; i <= 10; i++)
        a[i] = i;
    printf("not reached\n");
    return 0;
}
