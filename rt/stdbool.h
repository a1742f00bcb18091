/* <stdbool.h> for Cuckoo: a thin wrapper of cuckoo.ckh (LANGUAGE.md §12.1).
 * bool is int (0 or 1 by convention), as in C before _Bool. */
#include <cuckoo.ckh>
#ifndef CUCKOO_STDBOOL_H
#define CUCKOO_STDBOOL_H
#define bool int
#define true 1
#define false 0
#define __bool_true_false_are_defined 1
#endif
