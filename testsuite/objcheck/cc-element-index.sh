#!/bin/sh
# Indexes the proof checker once refused though cuckoo-cc wrote them right
# (link/cc-inputs/element-index.ck): into arrays of large elements (80,004
# and 65,536 bytes, scaled by imull: the checker knew factors up to 64 KB),
# and into an array inside element 0 of another (`hs[0].a[i]`: it took the
# outer array).  cuckoo-objcheck and cuckoo-ld accept what cuckoo-cc
# writes at -O0 and -O2 and the program runs; forged checks are refused: a
# bound too large (the product i * 80004 then passes the object's end), a
# factor that is not the element size, an inner bound one too large, and
# `hs[0].a[i]` checked against the outer array's count.
. "$srcdir/link/cc-common.sh"
AS=${AS:-as}
for O in -O0 -O2; do
	"$CUCKOO_CC" $O -S -o p.s "$INPUTS/element-index.ck" 2>stderr || fail "cuckoo-cc -S $O: $(cat stderr)"
	grep -q 'imull \$80004,' p.s || fail "no imull \$80004 in the -S output ($O)"
	accepted_and_runs
	notproved='index is not proved in bounds'
	refused_mutant outer-4 '/^get:/,/^\.Lget.epilogue/s/cmpl \$3, /cmpl $4, /' "$notproved" get
	refused_mutant outer-wrap '/^get:/,/^\.Lget.epilogue/s/cmpl \$3, /cmpl $53687, /' "$notproved" get
	refused_mutant factor '/^get:/,/^\.Lget.epilogue/s/imull \$80004,/imull $80000,/' "$notproved" get
	refused_mutant factor-2 '/^get:/,/^\.Lget.epilogue/s/imull \$80004,/imull $160008,/' "$notproved" get
	refused_mutant inner '/^get:/,/^\.Lget.epilogue/s/cmpl \$20000, /cmpl $20001, /' "not proved below the array's length" get
	refused_mutant first-11 '/^first:/,/^\.Lfirst.epilogue/s/cmpl \$10, /cmpl $11, /' "not proved below" first
	refused_mutant first-ptr-11 '/^first_ptr:/,/^\.Lfirst_ptr.epilogue/s/cmpl \$10, /cmpl $11, /' "not proved below" first_ptr
done
exit 0
