#!/bin/sh
# domain_call with owned arguments against a hostile caller (LANGUAGE.md
# §13.3, doc/domains.md "Hostile callers"): the compiler's call, its words
# forged in the assembly and the object linked --trust (the proof checker
# refuses most of these), reaches the runtime's fast entry
# __cuckoo_domain_call_own.  A forged or NULL handle, another type's
# descriptor and a NULL function trap as the other entries do; an owned
# word that is not the start of a live heap object is ignored (nothing is
# adopted, nothing is written), one object named twice is adopted once and
# deleted once by the domain's failure; the program's output counts the
# domain's and the heap's objects.
. "$srcdir/link/cc-common.sh"
O=-O2
"$CUCKOO_CC" $O -S -o p.s "$INPUTS/domain-own-hostile.ck" 2>stderr || fail "cuckoo-cc -S: $(cat stderr)"
"$CUCKOO_CC" -c -o p.o p.s 2>stderr || fail "cuckoo-cc -c p.s: $(cat stderr)"
expect_status 0 "$CUCKOO_LD" -o p p.o
$CUCKOO_RUN ./p > out 2> err; st=$?
[ "$st" = 0 ] || fail "the program exited $st ($(cat err))"
printf 'call 1 objects 3 heap +2\nfail -1 objects 1 heap +0 1\n' > want
cmp -s out want || fail "the program printed: $(cat out)"
grep -q "call __cuckoo_domain_call_own" p.s || fail "no call of __cuckoo_domain_call_own"
# the other struct's descriptor
other=$(grep -B1 '\.string "s:other{y:i32}"' p.s | sed -n 's/^\(\.Lcks[0-9]*\):$/\1/p')
other=$(grep -B1 "\.long $other," p.s | sed -n 's/^\(type\.[0-9]*\):$/\1/p')
[ -n "$other" ] || fail "no descriptor of struct other in p.s"
# run NAME SED-SCRIPT STATUS EXPECTED: the mutant, trusted, runs; with
# STATUS 134 EXPECTED is the runtime error's text, else its whole output
run() {
	sed "/^__cuckoo_main:/,/\.size __cuckoo_main/{/domain_call(d, hold/,/call __cuckoo_domain_call_own/$2;}" p.s > "m-$1.s"
	cmp -s p.s "m-$1.s" && fail "mutation $1 changed nothing"
	"$CUCKOO_CC" -c -o "m-$1.o" "m-$1.s" 2>stderr || fail "mutant $1 does not assemble: $(cat stderr)"
	expect_status 0 "$CUCKOO_LD" -o "m-$1" --trust "m-$1.o"
	$CUCKOO_RUN "./m-$1" > out 2> err; st=$?
	[ "$st" = "$3" ] || fail "mutant $1: exit $st, expected $3 ($(cat err))"
	if [ "$3" = 134 ]; then
		grep -q "runtime error: $4" err || fail "mutant $1: $(cat err)"
	else
		printf "$4" > want
		cmp -s out want || fail "mutant $1 printed: $(cat out)"
	fi
}
# the handle: not one of domain_new's, and NULL
run handle 's/movl %[a-z]*, 0(%esp)/movl $12345, 0(%esp)/' 134 \
	"cast: domain_call: not a domain made by domain_new"
run handle-null 's/movl %[a-z]*, 0(%esp)/movl $0, 0(%esp)/' 134 "null: domain_call: null domain"
# the descriptor of another struct (the domain is locked when it is compared)
run desc "s/movl \$type\.[0-9]*, 8(%esp)/movl \$$other, 8(%esp)/" 134 \
	"cast: domain_call: the function's state type is not the domain's"
run fn-null 's/movl $hold, 4(%esp)/movl $0, 4(%esp)/' 134 "null: domain_call of a null function"
# an owned word holding a global's address, or a misaligned one: nothing
# adopted (p is nobody's, left behind by the program: heap +1 at the end)
run global 's/movl %\([a-z]*\), 20(%esp)/movl $spot, 20(%esp)/' 0 \
	'call 1 objects 2 heap +2\nfail -1 objects 1 heap +1 1\n'
run interior 's/movl %\([a-z]*\), 20(%esp)/leal 2(%\1), %eax\n\tmovl %eax, 20(%esp)/' 0 \
	'call 1 objects 2 heap +2\nfail -1 objects 1 heap +1 1\n'
# p named twice (q left behind): adopted once, deleted once
run twice 's/movl %\([a-z]*\), 28(%esp)/movl 20(%esp), %eax\n\tmovl %eax, 28(%esp)/' 0 \
	'call 1 objects 2 heap +2\nfail -1 objects 1 heap +1 1\n'
# the int word named owned too: 5 is no object
run mask-int 's/movl $5, 12(%esp)/movl $7, 12(%esp)/' 0 \
	'call 1 objects 3 heap +2\nfail -1 objects 1 heap +0 1\n'
# no word named owned: nothing adopted (both left behind)
run mask-none 's/movl $5, 12(%esp)/movl $0, 12(%esp)/' 0 \
	'call 1 objects 1 heap +2\nfail -1 objects 1 heap +2 1\n'
exit 0
