#!/bin/sh
# A parameter declared int *global is not an int * parameter: 'global' is part of the function's type.
. "$srcdir/link/cc-common.sh"
mismatch global
expect_err "cuckoo-ld: error: type mismatch for 'keep'\n>>> referenced by main.o as int keep(int *)\n>>> defined in lib.o as int keep(int *global)"
exit 0
