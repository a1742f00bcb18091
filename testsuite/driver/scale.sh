#!/bin/sh
# The compiler's time grows about linearly with the program.
#
# What is tested: 16,000 pointer variables copied into each other in
# reverse order (each copy makes the previous one a holder of a stack
# address, LANGUAGE.md §9) are checked in seconds, and the escape at the
# end of the chain is still found: the lifetime inference repeated a
# whole-function pass per link of the chain, and name lookup walked the
# whole block for every use (minutes).
. "$srcdir/driver/common.sh"
n=16000
awk -v n=$n 'BEGIN {
	print "int *g;"; print "int main(void) {"; print "  int x;"
	for (i = 0; i < n; i++) printf "  int *p%d;\n", i
	printf "  p%d = &x;\n", n - 1
	for (i = 0; i < n - 1; i++) printf "  p%d = p%d;\n", i, i + 1
	print "  g = p0;"; print "  return 0;"; print "}"
}' > chain.ck
timeout 60 "$CC" -fsyntax-only chain.ck > .stdout 2> .stderr
st=$?
head -n 3 .stderr
[ $st = 124 ] && fail "checking a chain of $n pointer copies took more than 60 seconds"
[ $st = 1 ] || fail "the chain of $n copies: exit $st, expected 1"
line=$((n + 3 + n + 1))
expect_msg "chain.ck:$line:7: error: cannot store the value of 'p0' (it may point to the stack) in global variable 'g'"
exit 0
