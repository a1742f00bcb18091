/* <stddef.h> for Cuckoo: a thin wrapper of cuckoo.ckh (LANGUAGE.md §12.1),
 * which declares size_t and ssize_t.  NULL is Cuckoo's own.  offsetof is
 * not provided: Cuckoo has no pointer arithmetic to spell it with. */
#include <cuckoo.ckh>
