/* See forge-file-lib.ck: output through a forged FILE would land 64
 * bytes before its buffer, over the victim allocated just before it. */
#include <cuckoo.ckh>

struct victim { int a[11]; };   /* the forged object's size: its neighbour */

FILE *forged(void);

int main(void)
{
    struct victim *v = new(struct victim);
    FILE *f = forged();
    fprintf(f, "%s", "OVERWRITE");
    int i, sum = 0;
    for (i = 0; i < 11; i++)
        sum = sum + v->a[i];
    printf("victim %d\n", sum);
    return 0;
}
