#!/bin/sh
# Separately compiled, the declaration and the definition of a function disagree on a parameter's type: refused, both types in C.
. "$srcdir/link/cc-common.sh"
mismatch param
expect_err "cuckoo-ld: error: type mismatch for 'scale'\n>>> referenced by main.o as int scale(int, long long)\n>>> defined in lib.o as int scale(int, int)"
exit 0
