/* link/cc-forged-state-layout.sh, link/cc-forged-proof-tag.sh: glue
 * that sees struct T incomplete only. */
#include <cuckoo.ckh>

struct T;

struct T *make(void);
int use(struct T *q, int n);

int main(void)
{
    printf("%d\n", use(make(), 1));
    return 0;
}
