/* delete of element 0 of an array, as a single int: the address is 4
 * bytes past the block's data (the length word is before it), so the
 * allocator's address arithmetic (doc/runtime.md "The allocator") must
 * refuse it although the unit map leads to a live block. */
#include <cuckoo.ckh>

void release(int *p)
{
    delete(p);
}

int main(void)
{
    int (*v)[] = new(int[4]);
    v[0] = 1;
    int *first = &v[0];
    printf("element %d\n", *first);
    release(first);
    printf("not reached\n");
    return 0;
}
