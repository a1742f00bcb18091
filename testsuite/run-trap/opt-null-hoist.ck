/* -O2 moves the NULL check of a loop's array before the loop: a NULL
   array stops at the same place as at -O0, the loop's test. */
#include <cuckoo.ckh>

int sum(const int (*v)[])
{
    int s = 0;
    printf("summing\n");
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v[i];
    return s;
}

int main(int argc, string *argv[])
{
    int (*a)[] = argc > 5 ? new(int[3]) : NULL;
    (void)argv;
    printf("%d\n", sum(a));
    return 0;
}
