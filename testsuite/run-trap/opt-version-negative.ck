/* A versioned loop (cc/opt/version.c) whose counter starts below 0: its
   test is signed, so the test before the loop sends it to the checked
   loop, which traps at index -2 as at -O0 (the check-free copy compares
   unsigned, which is the same only from 0 up). */
#include <cuckoo.ckh>

int dot(const int a[], const int b[], int lo, int n)
{
    int s = 0;
    for (int i = lo; i < n; i++)
        s += a[i] * b[i];
    return s;
}

int main(void)
{
    int a[5] = {1, 2, 3, 4, 5};
    printf("%d\n", dot(a, a, 1, 3));
    printf("%d\n", dot(a, a, -2, 3));
    return 0;
}
