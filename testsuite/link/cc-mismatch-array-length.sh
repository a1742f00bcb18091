#!/bin/sh
# int sum(const int v[]) meets int sum(const int v[10]): an unknown and a known array length are different parameter types.
. "$srcdir/link/cc-common.sh"
mismatch arraylen
expect_err "cuckoo-ld: error: type mismatch for 'sum'\n>>> referenced by main.o as int sum(const int (*)[])\n>>> defined in lib.o as int sum(const int (*)[10])"
exit 0
