#!/bin/sh
# A name used as data (extern int counter) and defined as a function is refused.
. "$srcdir/link/cc-common.sh"
mismatch funcdata
expect_err "cuckoo-ld: error: 'counter' is referenced as data but defined as a function\n>>> referenced by main.o as int counter\n>>> defined in lib.o as int counter(void)"
exit 0
