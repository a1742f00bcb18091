#!/bin/sh
# Issue 8: %esp changes only by the prologue, the epilogue, push/pop,
# call/ret and the fixed frame adjustment (TOOLCHAIN.md "Verified code",
# point 2): xchg with %esp (both operand orders) and %esp loaded from a
# frame slot are refused.  (The pivots through %ebp: hostile-ebp.sh.)
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
victim xchg1 '\txchgl %esp, %eax\n\tleave\n\tret'
refused xchg1 f
victim xchg2 '\txchgl %eax, %esp\n\tleave\n\tret'
refused xchg2 f
victim slot '\tmovl -4(%ebp), %esp\n\tret'
refused slot f
exit 0
