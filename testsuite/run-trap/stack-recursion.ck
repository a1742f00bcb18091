/* Unbounded recursion on the main thread traps stack at the function's entry. */
#include <cuckoo.ckh>

int down(int n)
{
    int pad[32];
    pad[n % 32] = n;
    return down(n + 1) + pad[n % 32];
}

int main(void)
{
    printf("recursing\n");
    return down(0);
}
