#!/bin/sh
# Issue 8: a code address is a function entry (TOOLCHAIN.md "Structural
# rules"): a data word holding g+3, in .data or in .rodata, loaded and
# called through the exact indirect-call sequence (NULL check, call
# *%reg), is refused for the word, whatever the code that uses it.
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
for sec in .data .rodata; do
	{ func g 24 '\tmovl $0, %eax\n\tleave\n\tret'
	  func __cuckoo_main 24 '\tsubl $8, %esp\n\tmovl fp, %ecx\n\tICALL ecx, .Ltrap___cuckoo_main\n\tleave\n\tret'
	  printf '\t.section %s\n\t.p2align 2\n\t.type fp,@object\nfp:\t.long g+3\n\t.size fp,4\n' $sec
	  block word "def func g f(i32;)\n$MAINTYPE\n$TRAPREF"; } > "$T/word.body"
	obj word
	expect_status 1 $LD -o "$T/prog" "$T/word.o"
	expect_msg "relocation at $sec+0x0 points to .text+0x3, which is not the entry of a function"
	expect_status 1 $OBJCHECK "$T/word.o"
	expect_msg "relocation at $sec+0x0 points to .text+0x3, which is not the entry of a function"
done
exit 0
