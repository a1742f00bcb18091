#!/bin/sh
# A byte compared in memory (cc/i386/isel.c, narrow_cmp_ok): cuckoo-cc
# -O2 writes `if (flags[i])` as `cmpb $0, flags+4(,%i,1)` after the bounds
# check (link/cc-inputs/narrow-cmp.ck).  The checker reads the compare as
# a one-byte load at that address, which needs the index proved below the
# array's length: cuckoo-objcheck and cuckoo-ld accept what cuckoo-cc
# writes and the program runs; the bounds check's jump removed, or the
# displacement moved past the array, is refused.
. "$srcdir/link/cc-common.sh"
"$CUCKOO_CC" -O2 -S -o p.s "$INPUTS/narrow-cmp.ck" 2>stderr || fail "cuckoo-cc -S: $(cat stderr)"
sed -n '/^is_set:/,/^\.Lis_set\.epilogue/p' p.s > is_set.s
grep -q '^	cmpb \$0, flags+4(,%e[a-z][a-z],1)$' is_set.s || fail "is_set: no 'cmpb \$0, flags+4(,%reg,1)'"
grep -q '^	movsbl' is_set.s && fail "is_set: the byte is still loaded on its own"
accepted_and_runs
expect_line "1 0"
S='/^is_set:/,/^\.Lis_set\.epilogue/'
refused_mutant no-bounds "$S{/^	jae \.Ltrap/d;}" "not proved" is_set
refused_mutant past-end "$S{s/^	cmpb \$0, flags+4(/	cmpb \$0, flags+20(/;}" "an address that is no object" is_set
exit 0
