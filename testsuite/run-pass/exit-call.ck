/* exit(n) from a nested call ends the program with status n. */
#include <cuckoo.ckh>

void deep(int n)
{
    if (n == 0) {
        printf("exiting from the bottom\n");
        exit(3);
    }
    printf("depth %d\n", n);
    deep(n - 1);
    printf("never printed\n");
}

int main(void)
{
    deep(3);
    return 0;
}
