/* link/cc-forged-state-layout.sh, link/cc-forged-proof-tag.sh: use reads
 * *q->p, a pointer held in struct T. */
#include <cuckoo.ckh>

struct T {
    int *p;
};

int use(struct T *q, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += *q->p;
    return s;
}
