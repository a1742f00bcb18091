#!/bin/sh
# A function that is declared and called but defined in no input is refused.
. "$srcdir/link/cc-common.sh"
compile undef-main.ck main.o
expect_status 1 "$CUCKOO_LD" -o prog main.o
[ -e prog ] && fail "output left behind"
expect_err "cuckoo-ld: error: undefined symbol: missing\n>>> referenced by main.o"
exit 0
