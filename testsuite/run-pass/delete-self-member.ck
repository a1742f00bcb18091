/* §5: delete of a member that points to the struct's own type, compiled
 * before any new of it.  The descriptor is made from the member's
 * pointee, a type spelled while the struct was still incomplete: it must
 * carry the complete struct's size (it once said -1, and the new that
 * shares the descriptor trapped `memory`). */
#include <cuckoo.ckh>
struct job {
    int id;
    struct job *next;
};
void drop_next(struct job *global j) { delete(j->next); }
int main(void) {
    struct job *j = new(struct job);
    j->next = new(struct job);
    j->next->id = 5;
    drop_next(j);
    printf("%s\n", j->next == NULL ? "next deleted" : "next kept");
    delete(j);
    return 0;
}
