#!/bin/sh
# An index that is one of a few constants, chosen on different paths
# (link/cc-inputs/const-join.ck: k = 0, 1 or 3 indexing a[4]): cuckoo-cc
# -O1/-O2 removes its check, and cuckoo-ld refused the program until the
# checker learnt that a location holding a constant (or a value below a
# constant) on each edge into a join lies below the larger bound there
# (doc/verify.md, "Joins").  The program is accepted and runs; a constant
# raised to 4 on one path, or the bound of a kept check forged, is refused.
. "$srcdir/link/cc-common.sh"
AS=${AS:-as}
for O in -O1 -O2; do
	"$CUCKOO_CC" $O -S -o p.s "$INPUTS/const-join.ck" 2>stderr || fail "cuckoo-cc -S $O: $(cat stderr)"
	sed -n '/^pick:/,/^\.Lpick.epilogue/p' p.s | grep -q 'movl \$3, ' || fail "no movl \$3 in pick ($O)"
	sed -n '/^pick:/,/^\.Lpick.epilogue/p' p.s | grep -q 'jae \.Ltrap' && fail "pick kept its bounds check ($O)"
	accepted_and_runs
	[ "$(cat stdout)" = "0 10 30" ] || fail "the program printed $(cat stdout) ($O)"
	notproved='not proved'
	# one path's constant past the array: the join's bound is then 5
	refused_mutant four '/^pick:/,/^\.Lpick.epilogue/s/movl \$3, /movl $4, /' "$notproved" pick
	# the other path's constant past it
	refused_mutant one-to-9 '/^pick:/,/^\.Lpick.epilogue/s/movl \$1, /movl $9, /' "$notproved" pick
	# a path on which k is not a constant at all (n itself, in the
	# register the first test compares)
	n=$(sed -n '/^pick:/,/^\.Lpick.epilogue/s/^	cmpl \$1, \(%e[a-z][a-z]\)$/\1/p' p.s)
	[ -n "$n" ] || fail "pick: no 'cmpl \$1, %reg' ($O)"
	refused_mutant varying "/^pick:/,/^\.Lpick.epilogue/s/movl \$3, \(%e[a-z][a-z]\)/movl $n, \1/" "$notproved" pick
done
exit 0
