/* The proof checker's base case: indexes and pointers from parameters. */
#include <cuckoo.ckh>
struct node { int v; struct node *next; };
int g[10];
int get(int i) { return g[i]; }
int walk(struct node *p) { int s = 0; while (p) { s += p->v; p = p->next; } return s; }
void put(struct node *p, int v) { p->v = v; }
int main(void) { struct node n; n.v = 1; n.next = NULL; put(&n, 2); printf("%s\n", "walked"); return get(3) + walk(&n); }
