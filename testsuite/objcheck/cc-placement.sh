#!/bin/sh
# Block placement (cc/mach/layout.c): at -O2 a loop's test sits at the
# bottom, where it branches back to the body and falls out of the loop,
# so no loop of link/cc-inputs/placement.ck ends in an unconditional jump
# back.  The checker verifies the code whatever its order: the fact that
# lets sum() read a[i] unchecked (i below the length) is re-derived at
# the rotated test, and mutants are refused -- the entry's jump to the
# test removed (the body runs before any test), and the bottom test
# weakened from `jb` to `jbe`.
. "$srcdir/link/cc-common.sh"
"$CUCKOO_CC" -O2 -S -o p.s "$INPUTS/placement.ck" 2>stderr || fail "cuckoo-cc -S: $(cat stderr)"
# per function: the jumps to one of its blocks already written, i.e. back
awk '/^[a-z_][a-z_0-9]*:$/ { fn = $1; delete seen; next }
	/^\.L[a-z_0-9]*\.b[0-9]*:$/ { seen[substr($1, 1, length($1) - 1)] = 1; next }
	/^\tj[a-z]* \.L[a-z_0-9]*\.b[0-9]*$/ && ($2 in seen) { print fn, $1 }' p.s > back
cat back
grep -q ' jmp$' back && fail "a loop still ends in a jump back to its test: $(grep ' jmp$' back)"
grep -q '^sum: jb$' back || fail "sum: the loop test is not at the bottom"
grep -q '^merge: j' back || fail "merge: the loop test is not at the bottom"
sed -n '/^sum:/,/^\.Lsum\.epilogue/p' p.s > sum.s
grep -q '^	addl 0(%e[a-z][a-z],%e[a-z][a-z],4), %e[a-z][a-z]$' sum.s ||
    fail "sum: the element is not read unchecked in the body"
accepted_and_runs
expect_line "15 12345"
S='/^sum:/,/^\.Lsum\.epilogue/'
refused_mutant no-entry-test "$S{/^	jmp \.Lsum\.b[0-9]*$/d;}" "not proved" sum
refused_mutant weak-test "$S{s/^	jb \(\.Lsum\.b[0-9]*\)$/	jbe \1/;}" "not proved" sum
exit 0
