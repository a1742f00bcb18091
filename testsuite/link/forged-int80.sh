#!/bin/sh
# A valid-looking block over code that makes a system call is refused.
. "$srcdir/link/common.sh"
{ func __cuckoo_main 24 '\tmovl $1, %eax\n\tint $0x80\n\tleave\n\tret'
  block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\n$TRAPREF"; } > "$T/main.body"
obj main
expect_status 1 $LD -o "$T/prog" "$T/main.o"
[ -e "$T/prog" ] && fail "output left behind"
expect_msg "cuckoo-ld: error: $T/main.o:__cuckoo_main+0x22: forbidden instruction: int"
exit 0
