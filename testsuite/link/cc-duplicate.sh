#!/bin/sh
# Two separately compiled objects both define helper: refused, naming both.
. "$srcdir/link/cc-common.sh"
compile dup-a.ck
compile dup-b.ck
expect_status 1 "$CUCKOO_LD" -o prog dup-a.o dup-b.o
[ -e prog ] && fail "output left behind"
expect_err "cuckoo-ld: error: duplicate symbol: helper\n>>> defined in dup-a.o\n>>> defined in dup-b.o"
exit 0
