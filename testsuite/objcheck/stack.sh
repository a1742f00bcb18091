#!/bin/sh
# Stack checks: required on global, address-taken and recursive functions;
# the checked size covers the frame and the unchecked static callees.
. "$srcdir/link/common.sh"
# a global function without the check
{ printf '\t.text\n\t.globl g\n\t.type g,@function\ng:\n\tmovl $1, %%eax\n\tret\n\t.size g,.-g\n'
  block nocheck "def func g f(i32;)\n$TRAPREF"; } > "$T/nocheck.body"
obj nocheck
expect_status 1 $OBJCHECK "$T/nocheck.o"
expect_msg "$T/nocheck.o:g+0x0: must begin with the stack check (it is global)"
# a frame larger than the checked size
{ func f 8 '\tsubl $100, %esp\n\tleave\n\tret'
  block big "def func f f(i32;)\n$TRAPREF"; } > "$T/big.body"
obj big
expect_status 1 $OBJCHECK "$T/big.o"
expect_msg "the stack check covers 8 bytes but the frame uses 104"
# a static callee relying on its caller's check: covered, then not
helper='\t.type h,@function\nh:\n\tpushl %ebp\n\tmovl %esp, %ebp\n\tsubl $60, %esp\n\tleave\n\tret\n\t.size h,.-h\n'
{ func f 84 '\tsubl $12, %esp\n\tcall h\n\tleave\n\tret'; printf "%b" "$helper"
  block cov "def func f f(i32;)\n$TRAPREF"; } > "$T/cov.body"
obj cov
expect_status 0 $OBJCHECK "$T/cov.o"
{ func f 20 '\tsubl $12, %esp\n\tcall h\n\tleave\n\tret'; printf "%b" "$helper"
  block uncov "def func f f(i32;)\n$TRAPREF"; } > "$T/uncov.body"
obj uncov
expect_status 1 $OBJCHECK "$T/uncov.o"
expect_msg "the stack check covers 20 bytes but the frame and the unchecked static callees need 84"
# a static function whose address is taken, and a recursive one
{ func f 20 '\tmovl $h, %eax\n\tleave\n\tret'; printf "%b" "$helper"
  block addr "def func f f(i32;)\n$TRAPREF"; } > "$T/addr.body"
obj addr
expect_status 1 $OBJCHECK "$T/addr.o"
expect_msg "h+0x0: must begin with the stack check (its address is taken)"
rec='\t.type r,@function\nr:\n\tpushl %ebp\n\tmovl %esp, %ebp\n\tcall r\n\tleave\n\tret\n\t.size r,.-r\n'
{ func f 20 '\tcall r\n\tleave\n\tret'; printf "%b" "$rec"
  block rec "def func f f(i32;)\n$TRAPREF"; } > "$T/rec.body"
obj rec
expect_status 1 $OBJCHECK "$T/rec.o"
expect_msg "r+0x0: must begin with the stack check (it is on a call-graph cycle)"
# a chain of static callees whose frames add up past 2^32: the sum must
# not wrap to a small need that a small check covers
h1='\t.type h1,@function\nh1:\n\tpushl %ebp\n\tmovl %esp, %ebp\n\tsubl $0x7ffffffc, %esp\n\tcall h2\n\tleave\n\tret\n\t.size h1,.-h1\n'
h2='\t.type h2,@function\nh2:\n\tpushl %ebp\n\tmovl %esp, %ebp\n\tsubl $0x7ffffffc, %esp\n\tleave\n\tret\n\t.size h2,.-h2\n'
{ func f 20 '\tsubl $12, %esp\n\tcall h1\n\tleave\n\tret'; printf "%b" "$h1$h2"
  block wrap "def func f f(i32;)\n$TRAPREF"; } > "$T/wrap.body"
obj wrap
expect_status 1 $OBJCHECK "$T/wrap.o"
expect_msg "the stack check covers 20 bytes but the frame and the unchecked static callees need 4294967320"
exit 0
