/* §13.1: the manual's worked example (doc/cuckoo.texi "Owned Pointers"): a
 * queue that owns its jobs; owned parameters are moved into it and out. */
#include <cuckoo.ckh>

struct job { int id; struct job *own next; };
struct queue { struct job *own head; int n; };

void push(struct queue *q, struct job *own j) { /* q lent, j given */
    j->next = take(q->head);
    q->head = j;                  /* j moved into the queue */
    q->n++;
}

struct job *own pop(struct queue *q) {
    struct job *own j = take(q->head);
    if (j != NULL) {
        q->head = take(j->next);
        q->n--;
    }
    return j;                     /* the caller owns it now */
}

int count(struct job *j) { return j ? 1 + count(j->next) : 0; }

int main(void) {
    struct queue *own q = new(struct queue);
    for (int i = 0; i < 5; i++) {
        struct job *own j = new(struct job);
        j->id = i;
        push(q, j);               /* q lent, j moved */
    }
    struct job *own first = pop(q);
    printf("%d %d %d\n", first->id, q->n, count(q->head));  /* 4 4 4 */
    delete(first);
    delete(q);                    /* the queue and its four jobs */
    return 0;
}
