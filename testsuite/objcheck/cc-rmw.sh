#!/bin/sh
# x86's read-modify-write (cc/i386/isel.c, rmw_match): cuckoo-cc -O2
# writes `a[i] += x` as one `addl %x, 0(%a,%i,4)` after the bounds check
# (link/cc-inputs/rmw.ck).  The checker reads the instruction as a load
# and a store of an int at that address (doc/verify.md): both need the
# index proved below the array's length and, for static storage, the
# domain's store check.  cuckoo-objcheck and cuckoo-ld accept what
# cuckoo-cc writes and the program runs; mutants are refused: the bounds
# check's jump removed, the displacement moved one element past the
# checked one, the store check's jump to its stub removed.
. "$srcdir/link/cc-common.sh"
AS=${AS:-as}
"$CUCKOO_CC" -O2 -S -o p.s "$INPUTS/rmw.ck" 2>stderr || fail "cuckoo-cc -S: $(cat stderr)"
sed -n '/^bump:/,/^\.Lbump\.epilogue/p' p.s > bump.s
sed -n '/^flip:/,/^\.Lflip\.epilogue/p' p.s > flip.s
grep -q '^	addl %e[a-z][a-z], 0(%e[a-z][a-z],%e[a-z][a-z],4)$' bump.s ||
    fail "bump: no read-modify-write 'addl %reg, 0(%reg,%reg,4)'"
grep -q '^	movl 0(%e' bump.s && fail "bump: the element is still loaded on its own"
grep -q '^	xorl \$5, hits+4(,%e[a-z][a-z],4)$' flip.s || fail "flip: no read-modify-write 'xorl \$5, hits+4(,%reg,4)'"
accepted_and_runs
expect_line "43 5 5 0"
notproved='not proved'
B='/^bump:/,/^\.Lbump\.epilogue/'
refused_mutant no-bounds "$B{/^	jae \.Ltrap/d;}" "$notproved" bump
refused_mutant next-element "$B{s/^	addl \(%e[a-z][a-z]\), 0(/	addl \1, 4(/;}" "not an element of an array" bump
F='/^flip:/,/^\.Lflip\.epilogue/'
refused_mutant flip-bounds "$F{/^	jae \.Ltrap/d;}" "$notproved" flip
refused_mutant flip-domain "$F{/__cuckoo_domain_top/{n;/^	jne \.Ltrap/d;};}" "static storage" flip
exit 0
