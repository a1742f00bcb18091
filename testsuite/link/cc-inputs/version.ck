/* objcheck/cc-version.sh: loops that cuckoo-cc -O2 versions
   (cc/opt/version.c): a check-free copy entered when a test before the
   loop finds n <=u lengthof(v) (sum: a signed loop test; first: an
   unsigned one against a constant). */
#include <cuckoo.ckh>

int sum(const int v[], int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

unsigned first(const unsigned v[])
{
    unsigned s = 0;
    for (unsigned i = 0; i < 10; i++)
        s = s * 3 + v[i];
    return s;
}

int main(void)
{
    int a[6] = {1, 2, 3, 4, 5, 6};
    unsigned u[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    printf("%d %d %d %u\n", sum(a, 6), sum(a, 2), sum(a, -1), first(u));
    return 0;
}
