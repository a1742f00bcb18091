/* LANGUAGE.md §13.1: "A union ... treat[s] T *own as a pointer": a union
 * may hold no pointer (§6), so no owned pointer either -- through it, an
 * int could be read back as an owned pointer. */
#include <cuckoo.ckh>
struct pkt { int len; };
union u { struct pkt *own p; int i; };
int main(void) {
  union u x;
  x.i = 1;
  return 0;
}
