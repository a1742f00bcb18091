/* link/cc-forged-state-layout.sh, link/cc-forged-proof-tag.sh: this
 * program's struct T holds an int, the address of the program's ELF
 * header -- what use would read if it took T's p for a pointer. */
#include <cuckoo.ckh>

struct T {
    int p;
};

struct T *make(void)
{
    struct T *v = new(struct T);
    v->p = 0x08048000;
    return v;
}
