#!/bin/sh
# cuckoo-objcheck checks the machine code against .cuckoo.proof:
# the compiler's object passes, and the same code with a bounds check, a
# NULL check or a pointer store broken is refused, naming the function.
. "$srcdir/link/cc-common.sh"
for O in -O0 -O2; do
	"$CUCKOO_CC" $O -S -o p.s "$INPUTS/prove-basic.ck" 2>stderr || fail "cuckoo-cc -S $O: $(cat stderr)"
	"$CUCKOO_CC" -c -o p.o p.s 2>stderr || fail "cuckoo-cc -c p.s: $(cat stderr)"
	# the -S output carries the proof: assembling it gives the same object
	"$CUCKOO_CC" $O -c -o direct.o "$INPUTS/prove-basic.ck" 2>stderr || fail "cuckoo-cc -c $O: $(cat stderr)"
	cmp -s p.o direct.o || fail "cuckoo-cc -S then -c differs from cuckoo-cc -c ($O)"
	readelf -p .cuckoo.proof p.o | grep -q "cuckoo-proof 1" || fail "no .cuckoo.proof in the object"
	expect_status 0 "$CUCKOO_OBJCHECK" p.o
	# mutant NAME SED-SCRIPT FUNCTION REASON
	mutant() {
		sed "$2" p.s > "m-$1.s"
		cmp -s p.s "m-$1.s" && fail "mutation $1 $O changed nothing"
		"$CUCKOO_CC" -c -o "m-$1.o" "m-$1.s" 2>stderr || fail "mutant $1 does not assemble: $(cat stderr)"
		expect_status 1 "$CUCKOO_OBJCHECK" "m-$1.o"
		grep -q "m-$1.o: $3+0x[0-9a-f]*: cannot prove $4" stdout || fail "mutant $1 $O: $(cat stdout)"
		expect_status 1 "$CUCKOO_LD" -o "m-$1" "m-$1.o"
		grep -q "m-$1.o: $3+0x[0-9a-f]*: cannot prove $4" stderr || fail "cuckoo-ld, mutant $1 $O: $(cat stderr)"
		[ -e "m-$1" ] && fail "cuckoo-ld left m-$1 behind"
	}
	# the bounds check of g[i] in get: cmpl $10, %reg / jae
	mutant no-bounds '/^get:/,/\.size get/{/cmpl \$10,/d;/jae \.Ltrap/d;}' get "load: index"
	mutant weak-bounds '/^get:/,/\.size get/s/cmpl \$10,/cmpl $11,/' get "load: index"
	# the NULL check of p in put
	mutant no-null '/^put:/,/\.size put/{/testl/d;/je \.Ltrap/d;}' put "store: %e.. may be NULL"
	# an integer stored where walk's list pointer is read from
	mutant int-ptr '/^put:/,/\.size put/s/movl \(%e..\), 0(\(%e..\))/movl $4096, 4(\2)/' put "store: a pointer-typed location receives an integer"
	# printf's %s handed an integer: the runtime would read through it
	mutant printf-int '/^__cuckoo_main:/,/\.size __cuckoo_main/s/movl \$str\.1+4, 4(%esp)/movl $66, 4(%esp)/' __cuckoo_main "call: argument 1 of __cuckoo_printf's format (%s) is an integer"
	# returning with %esp moved: ret would jump through a local
	mutant esp '/^get:/,/\.size get/s/^\tret$/\taddl $4, %esp\n\tret/' get "a stack operation: %esp would leave the frame"
	# ... and so is one below the frame the prologue allocated, even if
	# the epilogue undoes it (%esp moves only as a frame does)
	mutant esp-sub '/^get:/,/\.size get/s/^\(\.Lget\.b0:\)$/\1\n\tsubl $4, %esp/' get "a change of %esp: below the frame"
	# a redundant bounds check is safe, and accepted
	sed '/^get:/,/\.size get/s/^\(\tcmpl \$10, %e..\)$/\1\n\1/' p.s > safe.s
	cmp -s p.s safe.s && fail "the safe mutation changed nothing"
	"$CUCKOO_CC" -c -o safe.o safe.s || fail "safe mutant does not assemble"
	expect_status 0 "$CUCKOO_OBJCHECK" safe.o
done
exit 0
