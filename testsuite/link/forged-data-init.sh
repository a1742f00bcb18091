#!/bin/sh
# The checker believes what memory holds by its type, so an object's
# initial bytes must agree with its type: a pointer initialised with an
# integer, with the address of an object of another type or inside a
# function, or a length word larger than its array, is refused.
. "$srcdir/link/common.sh"
MAIN='def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))'
try() { # NAME TYPE DATA EXPECTED
	{ func __cuckoo_main 24 '\txorl %eax, %eax\n\tleave\n\tret'
	  printf '\t.data\n\t.globl gp\n\t.type gp,@object\n\t.size gp,%s\ngp:\n%b\n' "$4" "$3"
	  printf '\t.globl gi\n\t.type gi,@object\n\t.size gi,4\ngi:\n\t.long 7\n'
	  block main "$MAIN\ndef data gp $2\ndef data gi i32\n$TRAPREF"; } > "$T/$1.body"
	obj "$1"
	expect_status 1 $LD -o "$T/prog" "$T/$1.o"
	expect_msg "$5"
	[ -e "$T/prog" ] && fail "output left behind"
	expect_status 1 $OBJCHECK "$T/$1.o"
	expect_msg "$5"
}
try int 'p(i32)' '\t.long 0x1234' 4 "gp+0x0: cannot prove the object: a pointer holding the integer 0x1234"
try other 'p(i64)' '\t.long gi' 4 "gp+0x0: cannot prove the object: a pointer initialised with a pointer to another type"
try code 'p(i32)' '\t.long __cuckoo_main+2' 4 "gp+0x0: cannot prove the object: a pointer initialised with an address inside a function"
try len 'a2(i32)' '\t.long 100, 1, 2' 12 "gp+0x0: cannot prove the object: a length word of 100 for an array of 2"
try misplaced 'a2(i32)' '\t.long 2\n\t.long gi, 0' 12 "gp+0x4: cannot prove the object: a relocation on bytes that are not a pointer"
# the same object with a matching initialiser links
{ func __cuckoo_main 24 '\txorl %eax, %eax\n\tleave\n\tret'
  printf '\t.data\n\t.globl gp\n\t.type gp,@object\n\t.size gp,4\ngp:\n\t.long gi\n'
  printf '\t.globl gi\n\t.type gi,@object\n\t.size gi,4\ngi:\n\t.long 7\n'
  block main "$MAIN\ndef data gp p(i32)\ndef data gi i32\n$TRAPREF"; } > "$T/good.body"
obj good
expect_status 0 $LD -o "$T/prog" "$T/good.o"
exit 0
