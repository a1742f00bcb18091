/* -fcheck-report: a NULL check at the head of a loop moves before it
   (hoist_head_null_checks) and runs once when the loop leaves the pointer
   alone; when the loop changes it, the copy on the back edge stays. */
#include <cuckoo.ckh>

struct list {
    int n;
    int v[8];
    struct list *next;
};

int count(struct list *p)
{
    int s = 0;
    for (int i = 0; i < p->n; i++)
        s += i;
    return s;
}

/* the back edge's copy stays: p changes in the loop */
int chain(struct list *p, int k)
{
    int s = 0;
    while (p->n > k) {
        s += p->n;
        p = p->next;
    }
    return s;
}

/* kept once: p is a variable (zeroed at entry, then set from new), not
   new's own result; after the first check its uses need none */
int fresh(void)
{
    struct list *p = new(struct list);
    p->n = 3;
    int r = p->n + p->v[2];
    delete(p);
    return r;
}

int main(void)
{
    struct list a = {0};
    a.n = 4;
    printf("%d %d %d\n", count(&a), chain(&a, 5), fresh());
    return 0;
}
