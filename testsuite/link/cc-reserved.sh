#!/bin/sh
# A Cuckoo object may not define a name that the runtime uses (memset: the
# runtime's calls would land in Cuckoo code) or that the C library calls
# through the program (malloc): refused, before or after the GNU linker,
# with no output left behind.
. "$srcdir/link/cc-common.sh"
compile reserved-rt.ck rt.o
expect_status 1 "$CUCKOO_LD" -o prog rt.o
expect_err "cuckoo-ld: error: 'memset' is reserved: the Cuckoo runtime uses it\n>>> defined in rt.o"
[ -e prog ] && fail "output left behind"
compile reserved-libc.ck libc.o
expect_status 1 "$CUCKOO_LD" -o prog libc.o
expect_err "cuckoo-ld: error: 'malloc' is reserved: the C library uses it\n>>> defined in libc.o"
[ -e prog ] && fail "output left behind"
ls -a | grep -q cuckoo-ld && fail "temporary file left behind"
exit 0
