#!/bin/sh
# Issue 8: execution enters code only at function entries, and a function
# is the byte range of its symbol.  A second function symbol placed inside
# f (global or local, at the imm32 of a movl whose bytes hold
# `int $0x80`), called directly, would make a "function entry" in the
# middle of an audited instruction: overlapping functions are refused.
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
for vis in global local; do
	{ func f 24 '\tmovl $0x80cd0000, %eax\n\tleave\n\tret'
	  [ $vis = global ] && printf '\t.globl g2\n'
	  printf '\t.type g2,@function\n\t.set g2, f+0x1f\n\t.size g2, 4\n'
	  func __cuckoo_main 24 '\tsubl $8, %esp\n\tcall g2\n\tleave\n\tret'
	  recs="def func f f(i32;)\n$MAINTYPE\n"
	  [ $vis = global ] && recs="${recs}def func g2 f(i32;)\n"
	  block $vis "$recs$TRAPREF"; } > "$T/$vis.body"
	obj $vis
	for tool in "$LD -o $T/prog" "$OBJCHECK"; do
		expect_status 1 $tool "$T/$vis.o"
		expect_msg "functions 'g2' and the one before it overlap in .text"
	done
done
exit 0
