/* sys.h -- private helpers shared by the systems interface (LANGUAGE.md
 * §12.1): rt/sys.c, rt/net.c, rt/bytes.c.  See doc/runtime.md "The systems
 * interface". */
#ifndef CUCKOO_RT_SYS_H
#define CUCKOO_RT_SYS_H

#include "rt.h"

/* Traps bounds at the Cuckoo call whose return address is RET unless
 * OFF + N <= LEN, computed without wrapping. */
void rt_check_range(const void *ret, const char *fn, unsigned off, unsigned n, unsigned len);

/* 1 if the Cuckoo char array S holds a NUL (so it is a C string inside
 * its array), else 0.  Paths and host names without one give -EINVAL. */
int rt_has_nul(const char *s);

/* -errno of the last failed system call (never 0). */
int rt_neg_errno(void);

#endif /* CUCKOO_RT_SYS_H */
