/* <limits.h> for Cuckoo: a thin wrapper of cuckoo.ckh (LANGUAGE.md §12.1),
 * which defines CHAR_BIT and the MIN/MAX of every integer type. */
#include <cuckoo.ckh>
