/* §4.1: casting a NULL pointer to an array gives NULL, with no length check;
 * a non-NULL one is checked against its length word. */
#include <cuckoo.ckh>

int first(int (*p)[]) {
    int (*q)[3] = (int (*)[3])p;   /* checked unless p is NULL */
    if (q == NULL)
        return -1;
    return (*q)[0] + lengthof(q);
}

int main(void)
{
    int a[5] = {7, 1, 2, 3, 4};
    printf("%d %d\n", first(NULL), first(a));
    return 0;
}
