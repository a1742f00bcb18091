#!/bin/sh
# Two definitions of one symbol are refused.
. "$srcdir/link/common.sh"
main_calls_sum 'f(i32;p(a(k(i32))))'
lib_defines_sum 'f(i32;p(a(k(i32))))'
cp "$T/lib.o" "$T/lib2.o"
expect_status 1 $LD -o "$T/prog" "$T/main.o" "$T/lib.o" "$T/lib2.o"
expect_msg "cuckoo-ld: error: duplicate symbol: sum"
expect_msg ">>> defined in $T/lib.o"
expect_msg ">>> defined in $T/lib2.o"
exit 0
