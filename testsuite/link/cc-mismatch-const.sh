#!/bin/sh
# const on the pointee is part of the type: const int * against int *.
. "$srcdir/link/cc-common.sh"
mismatch const
expect_err "cuckoo-ld: error: type mismatch for 'first'\n>>> referenced by main.o as int first(const int *)\n>>> defined in lib.o as int first(int *)"
exit 0
