/* Owned pointers inside a protection domain: setup returns the state as
   an owned pointer (LANGUAGE.md §13.3), the state owns a list, deleting
   part of the list inside the domain takes its nodes off the domain's
   books, and a failure later deletes the rest: nothing is lost. */
#include <cuckoo.ckh>

struct node { int v; struct node *own next; };
struct st { int calls; struct node *own list; };

struct st *own make(void)
{
    struct st *own s = new(struct st);
    for (int i = 0; i < 1000; i++) {
        struct node *own n = new(struct node);
        n->v = i;
        n->next = take(s->list);
        s->list = n;
    }
    return s;
}

/* drop the first K nodes, one delete each (each deletes nothing below,
   its next having been taken) */
int drop(struct st *s, int k)
{
    s->calls++;
    for (int i = 0; i < k && s->list != NULL; i++) {
        struct node *own n = take(s->list);
        s->list = take(n->next);
        delete(n);
    }
    return s->list != NULL ? s->list->v : 0;
}

/* traps when asked: the whole state goes, the domain is rebuilt */
int fail(struct st *s, int at)
{
    int a[4];
    s->calls++;
    a[at] = 1;
    return a[0];
}

int main(void)
{
    int before = heap_objects();
    domain_t *d = domain_new(make);
    printf("%d %d\n", domain_objects(d), heap_objects() - before);
    printf("%d\n", domain_call(d, drop, 10));
    printf("%d %d\n", domain_objects(d), heap_objects() - before);
    printf("%d\n", domain_call(d, fail, 9));
    printf("%d %d\n", domain_objects(d), heap_objects() - before);
    printf("%d\n", domain_call(d, drop, 999));
    printf("%d %d\n", domain_objects(d), heap_objects() - before);
    domain_revoke(d);
    printf("%d %d\n", domain_objects(d), heap_objects() - before);
    return 0;
}
