#!/bin/sh
# Issue 8: a memory operand through a register that holds an integer, not
# a pointer proved non-null (TOOLCHAIN.md "Verified code", point 3): a
# store and a load through an int parameter, a store to an absolute
# address through a register and without one, and a store through the
# value of an int global.  Each is refused by the proof checker.
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
victim store '\tmovl 8(%ebp), %ecx\n\tmovl %eax, (%ecx)\n\tleave\n\tret'
refused store f 'cannot prove'
victim load '\tmovl 8(%ebp), %ecx\n\tmovl 4(%ecx), %eax\n\tleave\n\tret'
refused load f 'cannot prove'
victim absreg '\tmovl $0x8049000, %ecx\n\tmovl %eax, (%ecx)\n\tleave\n\tret'
refused absreg f 'cannot prove'
victim abs '\tmovl %eax, 0x8049000\n\tleave\n\tret'
refused abs f 'cannot prove'
victim global '\tmovl gv, %ecx\n\tmovl $0, 8(%ecx)\n\tleave\n\tret' \
	'\t.data\n\t.globl gv\n\t.type gv,@object\ngv:\t.long 0\n\t.size gv,4\n' 'def data gv i32\n'
refused global f 'cannot prove'
exit 0
