#!/bin/sh
# A user object that declares the runtime's atoi itself, with another type
# and without including cuckoo.ckh, does not get the runtime's function
# (whose ELF symbol is __cuckoo_atoi) nor the C library's atoi: the link is
# refused.
. "$srcdir/link/cc-common.sh"
compile rtwrong-main.ck main.o
expect_status 1 "$CUCKOO_LD" -o prog main.o
[ -e prog ] && fail "output left behind"
expect_line "cuckoo-ld: error: undefined symbol: atoi"
expect_line ">>> referenced by main.o"
exit 0
