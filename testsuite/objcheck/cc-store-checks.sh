#!/bin/sh
# Inside a protection domain no store may reach static storage (LANGUAGE.md
# §13.3); cuckoo-cc checks every store it cannot prove (doc/domains.md
# "Isolation: the store checks") and the proof checker requires the check,
# never believing the object: each mutant below, the check taken away,
# turned round, reading another thread-local word, or a state claiming what
# no edge proves, is refused by cuckoo-objcheck and cuckoo-ld, and the
# program built from the source runs.  Mutants are assembled with the
# plain assembler (cuckoo-cc -c would write the states again).
. "$srcdir/link/cc-common.sh"
AS=$("$CUCKOO_CC" -print-prog-name=as)
"$CUCKOO_CC" -o sc "$INPUTS/store-checks.ck" 2>stderr || fail "cuckoo-cc: $(cat stderr)"
expect_status 0 $CUCKOO_RUN ./sc
[ "$(cat stdout)" = "3 5" ] || fail "the program printed '$(cat stdout)', not '3 5'"
for O in -O0 -O2; do
	"$CUCKOO_CC" $O -S -o p.s "$INPUTS/store-checks.ck" 2>stderr || fail "cuckoo-cc -S $O: $(cat stderr)"
	grep -q 'cmpl \$0, %gs:__cuckoo_domain_top@ntpoff' p.s || fail "no domain test in the -S output ($O)"
	"$AS" --32 -o p.o p.s || fail "p.s does not assemble"
	expect_status 0 "$CUCKOO_OBJCHECK" p.o
	# mutant NAME SED-SCRIPT WHAT: refused by both, with WHAT in the message;
	# the states at branch targets are dropped (they would name offsets the
	# mutation moved): the checker then finds the states itself
	mutant() {
		sed -e "$2" -e '/\.ascii "targets /d' -e '/\.ascii "\(at\|reg\|cell\|fact\|init\|nodom\)[ \\]/d' p.s > "m-$1.s"
		cmp -s p.s "m-$1.s" && fail "mutation $1 $O changed nothing"
		"$AS" --32 -o "m-$1.o" "m-$1.s" 2>stderr || fail "mutant $1 does not assemble: $(cat stderr)"
		expect_status 1 "$CUCKOO_OBJCHECK" "m-$1.o"
		grep -q "m-$1.o.*$3" stdout || fail "mutant $1 $O: $(cat stdout)"
		expect_status 1 "$CUCKOO_LD" -o "m-$1" "m-$1.o"
		grep -q "m-$1.o.*$3" stderr || fail "cuckoo-ld, mutant $1 $O: $(cat stderr)"
		[ -e "m-$1" ] && fail "cuckoo-ld left m-$1 behind"
		return 0
	}
	# put's store through its parameter, its check gone
	mutant no-check '/^put:/,/^\.Lput.epilogue/{/cmpl \$0, %gs:__cuckoo_domain_top@ntpoff/d;/jne \.Ltrap/d;}' \
		"put+0x[0-9a-f]*: cannot prove store: through %e.., which may point into static storage, with no domain check"
	# the stub's test of the end of the static storage turned round
	mutant turned '/cmpl \$__cuckoo_static_end/{n;s/jae /jb /;}' \
		"put+0x[0-9a-f]*: cannot prove store: through %e.., which may point into static storage"
	# the stub compares with the start where the end belongs
	mutant wrong-bound 's/cmpl \$__cuckoo_static_end, /cmpl $__cuckoo_static_start, /' \
		"put+0x[0-9a-f]*: cannot prove store: through %e.., which may point into static storage"
	# the domain test reads the stack limit, which is never 0
	mutant other-tls 's/cmpl \$0, %gs:__cuckoo_domain_top@ntpoff/cmpl $0, %gs:__cuckoo_stack_limit@ntpoff/' \
		"access through %fs or %gs outside the stack check and the domain test"
	# ... or the word after the flag
	mutant next-word 's/cmpl \$0, %gs:__cuckoo_domain_top@ntpoff/cmpl $0, %gs:__cuckoo_domain_top@ntpoff+4/' \
		"access through %fs or %gs outside the stack check and the domain test"
	# bump's store into a global by name, its test gone
	mutant global '/^bump:/,/^\.Lbump.epilogue/{/cmpl \$0, %gs:__cuckoo_domain_top@ntpoff/d;/jne \.Ltrap/d;}' \
		"bump+0x[0-9a-f]*: cannot prove store: into static storage with no domain check"
	# an object that defines the bound itself
	mutant define-bound 's/^put:/&\n\t.globl __cuckoo_static_end\n__cuckoo_static_end:/' \
		"__cuckoo_static_end.*only cuckoo-ld and the runtime define it"
	# a state that says put runs outside every domain (the states kept)
	sed '/func put/,/"end/{/"at +0x[0-9a-f]*\\012"	# \.Lstored/s/$/\n\t.ascii "nodom\\012"/;}' p.s > m-nodom.s
	cmp -s p.s m-nodom.s && fail "mutation nodom $O changed nothing"
	"$AS" --32 -o m-nodom.o m-nodom.s || fail "mutant nodom does not assemble"
	expect_status 1 "$CUCKOO_OBJCHECK" m-nodom.o
	grep -q "m-nodom.o: put+0x[0-9a-f]*: cannot prove .*the state there says this runs outside every domain" stdout ||
		fail "mutant nodom $O: $(cat stdout)"
done
exit 0
