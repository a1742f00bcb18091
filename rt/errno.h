/* <errno.h> for Cuckoo: a thin wrapper of cuckoo.ckh (LANGUAGE.md §12.1),
 * which defines the error numbers (ENOENT, ...).  There is no errno
 * variable: functions that fail return the negative error number. */
#include <cuckoo.ckh>
