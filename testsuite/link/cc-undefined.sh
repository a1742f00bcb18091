#!/bin/sh
# A function that is declared and called but defined in no input is refused;
# a C library name says what to use instead.
. "$srcdir/link/cc-common.sh"
compile undef-main.ck main.o
expect_status 1 "$CUCKOO_LD" -o prog main.o
[ -e prog ] && fail "output left behind"
expect_err "cuckoo-ld: error: undefined symbol: missing\n>>> referenced by main.o"
# a C library function declared by hand: the link names the Cuckoo one
compile undef-clib.ck clib.o
expect_status 1 "$CUCKOO_LD" -o prog clib.o
expect_err "cuckoo-ld: error: undefined symbol: strcpy\n>>> referenced by clib.o\n>>> 'strcpy' is not in Cuckoo: use strlcpy(dst, src), declared in <cuckoo.ckh>"
exit 0
