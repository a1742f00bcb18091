#!/bin/sh
# Code that jumps into the middle of an instruction is refused.
. "$srcdir/link/common.sh"
{ func __cuckoo_main 24 '\tjmp .Lin+1\n.Lin:\tmovl $0x80cd0000, %eax\n\tleave\n\tret'
  block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\n$TRAPREF"; } > "$T/main.body"
obj main
expect_status 1 $LD -o "$T/prog" "$T/main.o"
expect_msg "which is not an instruction boundary"
expect_status 1 $OBJCHECK "$T/main.o"
expect_msg "which is not an instruction boundary"
exit 0
