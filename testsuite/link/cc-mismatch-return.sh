#!/bin/sh
# The declaration and the definition disagree on the return type.
. "$srcdir/link/cc-common.sh"
mismatch return
expect_err "cuckoo-ld: error: type mismatch for 'twice'\n>>> referenced by main.o as long long twice(int)\n>>> defined in lib.o as int twice(int)"
exit 0
