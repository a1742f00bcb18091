#!/bin/sh
# A function referenced as data is refused.
. "$srcdir/link/common.sh"
{ func __cuckoo_main 24 '\tmovl sum, %eax\n\tleave\n\tret'
  block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\nref data sum i32\n$TRAPREF"; } > "$T/main.body"
obj main
lib_defines_sum 'f(i32;p(i32))'
expect_status 1 $LD -o "$T/prog" "$T/main.o" "$T/lib.o"
[ -e "$T/prog" ] && fail "output left behind"
expect_msg "cuckoo-ld: error: 'sum' is referenced as data but defined as a function"
expect_msg ">>> referenced by $T/main.o as int sum"
expect_msg ">>> defined in $T/lib.o as int sum(int *)"
exit 0
