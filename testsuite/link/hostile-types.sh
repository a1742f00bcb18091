#!/bin/sh
# Issue 8: a store writes a value of the destination's type (TOOLCHAIN.md
# "Verified code", point 4), and a call through a register passes and uses
# exactly the function pointer's type (point 1).  Each of these is
# refused by the proof checker, naming the function:
# - an integer stored into a global pointer, which main then dereferences;
# - a frame address stored into a global (language §9);
# - an array's length word written (the global array's, at its -4);
# - a function pointer of type int(*)(void) holding g, an int g(int *),
#   called with no argument: g dereferences whatever is on the stack.
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
GP='\t.data\n\t.globl gp\n\t.p2align 2\n\t.type gp,@object\ngp:\t.long 0\n\t.size gp,4\n'
victim intptr '\tmovl 8(%ebp), %eax\n\tmovl %eax, gp\n\tleave\n\tret' "$GP" 'def data gp p(i32)\n'
refused intptr f 'cannot prove'
victim frameaddr '\tleal 8(%ebp), %eax\n\tmovl %eax, gp\n\tleave\n\tret' "$GP" 'def data gp p(i32)\n'
refused frameaddr f 'cannot prove'
ARR='\t.data\n\t.globl arr\n\t.p2align 2\n\t.type arr,@object\narr:\t.long 4\n\t.zero 16\n\t.size arr,20\n'
victim lenword '\tmovl $1000, arr\n\tleave\n\tret' "$ARR" 'def data arr a4(i32)\n'
refused lenword f 'cannot prove'
{ func g 24 '\tmovl 8(%ebp), %ecx\n\ttestl %ecx, %ecx\n\t.byte 0x0f, 0x84\n\t.long .Ltrap_g - . - 4\n\tmovl $7, (%ecx)\n\tmovl $0, %eax\n\tleave\n\tret'
  func __cuckoo_main 24 '\tsubl $8, %esp\n\tmovl fp, %ecx\n\tICALL ecx, .Ltrap___cuckoo_main\n\tleave\n\tret'
  printf '\t.data\n\t.globl fp\n\t.p2align 2\n\t.type fp,@object\nfp:\t.long g\n\t.size fp,4\n'
  block wrongfn "def func g f(i32;p(i32))\ndef data fp p(f(i32;))\n$MAINTYPE\n$TRAPREF"; } > "$T/wrongfn.body"
obj wrongfn
# refused for the data word (the call itself matches fp's type)
for tool in "$LD -o $T/prog" "$OBJCHECK"; do
	expect_status 1 $tool "$T/wrongfn.o"
	grep -E -q '(\.data\+0x0|[^a-z]fp[^a-z])' "$T/stdout" "$T/stderr" || fail "wrongfn: no message naming fp or .data+0x0"
done
exit 0
