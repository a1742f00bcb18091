#!/bin/sh
# cuckoo-ld hands GNU ld one --wrap=main (runld.c): a reference to
# __real_main binds to main, one to main to the runtime's __wrap_main.  A
# Cuckoo object that defines or names any of the three is refused by both
# tools: main.o's call of __real_main, checked against lib.o's
# __real_main, reached lib.o's main, of another type (it stored through
# the int it was passed), and a call of main re-ran the C start-up with
# an argv of the caller's choosing.
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
{ func main 24 '\tmovl $0, %eax\n\tleave\n\tret'
  func __real_main 24 '\tmovl $0, %eax\n\tleave\n\tret'
  block wrapdef "def func main f(i32;i32)\ndef func __real_main f(i32;i32)\n$TRAPREF"; } > "$T/wrapdef.body"
obj wrapdef
{ func __cuckoo_main 24 '\tsubl $8, %esp\n\tpushl $1\n\tcall __real_main\n\taddl $4, %esp\n\tleave\n\tret'
  block wrapref "$MAINTYPE\nref func __real_main f(i32;i32)\n$TRAPREF"; } > "$T/wrapref.body"
obj wrapref
for o in wrapdef wrapref; do
	for tool in "$LD -o $T/prog" "$OBJCHECK"; do
		expect_status 1 $tool "$T/$o.o"
		grep -q "symbol '__real_main' is [a-z]*: cuckoo-ld's --wrap=main gives that name" "$T/stdout" "$T/stderr" ||
			fail "$o: __real_main not refused"
	done
done
expect_status 1 $OBJCHECK "$T/wrapdef.o"
grep -q "wrapdef.o: symbol 'main' is defined" "$T/stdout" "$T/stderr" || fail "main not refused"
[ -e "$T/prog" ] && fail "output left behind"
exit 0
