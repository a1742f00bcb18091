#!/bin/sh
# Issue 8: a stack pivot through the frame pointer (TOOLCHAIN.md
# "Verified code", point 2: %esp changes only by the epilogue's restore,
# and the epilogue restores the entry %esp): %ebp changed, then
# `movl %ebp, %esp` or `leave`; and an epilogue-looking `leal 8(%ebp),
# %esp` that does not give back the entry %esp.  Each is refused.
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
victim pivot '\tmovl 8(%ebp), %ebp\n\tmovl %ebp, %esp\n\tpopl %ebp\n\tret'
refused pivot f 'cannot prove'
victim leave '\taddl $64, %ebp\n\tleave\n\tret'
refused leave f 'cannot prove'
victim leave2 '\tmovl 8(%ebp), %ebp\n\tleave\n\tret'
refused leave2 f 'cannot prove'
victim leaesp '\tleal 8(%ebp), %esp\n\tret'
refused leaesp f 'cannot prove'
exit 0
