/* delete of a pointer to a local, passed through a parameter. */
#include <cuckoo.ckh>

void release(int *p)
{
    delete(p);
}

int main(void)
{
    int *h = new(int);
    release(h);
    printf("heap released\n");
    int local = 3;
    release(&local);
    printf("not reached\n");
    return 0;
}
