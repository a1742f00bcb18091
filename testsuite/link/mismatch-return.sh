#!/bin/sh
# A type mismatch (return) between a ref and its def is refused, naming both
# objects and both types in C syntax; no output is left behind.
. "$srcdir/link/common.sh"
main_calls_sum 'f(v;p(i32))'
lib_defines_sum 'f(i32;p(i32))'
expect_status 1 $LD -o "$T/prog" "$T/main.o" "$T/lib.o"
[ -e "$T/prog" ] && fail "output left behind"
expect_msg "cuckoo-ld: error: type mismatch for 'sum'"
expect_msg ">>> referenced by $T/main.o as void sum(int *)"
expect_msg ">>> defined in $T/lib.o as int sum(int *)"
exit 0
