/* <assert.h> for Cuckoo: a thin wrapper of cuckoo.ckh (LANGUAGE.md §12.1),
 * which defines assert(e) (off when NDEBUG is defined before it). */
#include <cuckoo.ckh>
