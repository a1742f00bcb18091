#!/bin/sh
# A runtime that does not match the digests built into cuckoo-ld is refused.
. "$srcdir/link/common.sh"
main_calls_sum 'f(i32;p(a(k(i32))))'
lib_defines_sum 'f(i32;p(a(k(i32))))'
mkdir "$T/rt"
cp "$CUCKOO_RUNTIME_DIR/cuckoo-start.o" "$CUCKOO_RUNTIME_DIR/libcuckoo-rt.a" "$T/rt/" || fail cp
echo >> "$T/rt/libcuckoo-rt.a"
CUCKOO_RUNTIME_DIR=$T/rt expect_status 1 $LD -o "$T/prog" "$T/main.o" "$T/lib.o"
expect_msg "does not match the Cuckoo runtime this linker was built with"
[ -e "$T/prog" ] && fail "output left behind"
exit 0
