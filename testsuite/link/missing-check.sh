#!/bin/sh
# An object compiled without one of the four checks is refused.
. "$srcdir/link/common.sh"
main_calls_sum 'f(i32;p(a(k(i32))))'
lib_defines_sum 'f(i32;p(a(k(i32))))'
sed 's/checks bounds null stack divide/checks bounds null stack/' "$T/lib.s" > "$T/lib2.s"
$AS --32 -o "$T/lib.o" "$T/lib2.s" || fail as
expect_status 1 $LD -o "$T/prog" "$T/main.o" "$T/lib.o"
expect_msg "cuckoo-ld: error: $T/lib.o: compiled without the divide check"
exit 0
