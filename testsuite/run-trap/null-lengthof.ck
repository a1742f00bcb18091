/* lengthof of a NULL T (*)[] must read the length word: it traps null. */
#include <cuckoo.ckh>

unsigned size_of(const int v[])
{
    return lengthof(v);
}

int main(void)
{
    int (*p)[] = new(int[3]);
    printf("%u\n", size_of(p));
    delete(p);
    printf("%u\n", size_of(p));
    return 0;
}
