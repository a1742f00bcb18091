#!/bin/sh
# A ref that nothing defines is refused, naming the object.
. "$srcdir/link/common.sh"
main_calls_sum 'f(i32;p(a(k(i32))))'
expect_status 1 $LD -o "$T/prog" "$T/main.o"
[ -e "$T/prog" ] && fail "output left behind"
expect_msg "cuckoo-ld: error: undefined symbol: sum"
expect_msg ">>> referenced by $T/main.o"
exit 0
