/* §13.1: renew of an array of owned pointers to fewer elements deletes
 * what the elements cut off own: a lent pointer to one of them then names
 * no live object, and deleting it traps. */
#include <cuckoo.ckh>
struct item {
    int id;
};
struct item *own (*own items)[];
void shrink_then(struct item *gone) {
    renew(items, 2);
    printf("shrunk to %u, kept %d\n", lengthof(items), items[1]->id);
    delete(gone);                   /* deleted with element 3 */
    printf("not reached\n");
}
int main(void) {
    items = new(struct item *own[4]);
    for (int i = 0; i < 4; i++) {
        items[i] = new(struct item);
        items[i]->id = i;
    }
    shrink_then(items[3]);
    return 0;
}
