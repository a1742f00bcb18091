#!/bin/sh
# An owned pointer parameter is not a plain (or global) one: po(T) is its
# own canonical type, so ownership is checked across objects.
. "$srcdir/link/cc-common.sh"
mismatch own
expect_err "cuckoo-ld: error: type mismatch for 'keep'\n>>> referenced by main.o as int keep(int *own)\n>>> defined in lib.o as int keep(int *)"
exit 0
