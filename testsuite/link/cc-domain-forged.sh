#!/bin/sh
# The proof checker and domains (LANGUAGE.md §13.3, doc/verify.md): the
# compiler's domain_new and domain_call pass cuckoo-objcheck and cuckoo-ld,
# and each way of making the runtime hand a state of one type to a
# function that expects another is refused, naming the function: the
# descriptor of domain_call, the setup of domain_new, the function
# domain_call names and the arguments it leaves in place for it.
. "$srcdir/link/cc-common.sh"
for O in -O0 -O2; do
	"$CUCKOO_CC" $O -S -o p.s "$INPUTS/domain-forge.ck" 2>stderr || fail "cuckoo-cc -S $O: $(cat stderr)"
	"$CUCKOO_CC" -c -o p.o p.s 2>stderr || fail "cuckoo-cc -c p.s: $(cat stderr)"
	expect_status 0 "$CUCKOO_OBJCHECK" p.o
	expect_status 0 "$CUCKOO_LD" -o p p.o
	$CUCKOO_RUN ./p; st=$?
	[ "$st" = 1 ] || fail "the program exited $st, expected 1"
	# mutant NAME SED-SCRIPT REASON
	mutant() {
		sed "$2" p.s > "m-$1.s"
		cmp -s p.s "m-$1.s" && fail "mutation $1 $O changed nothing"
		"$CUCKOO_CC" -c -o "m-$1.o" "m-$1.s" 2>stderr || fail "mutant $1 does not assemble: $(cat stderr)"
		expect_status 1 "$CUCKOO_OBJCHECK" "m-$1.o"
		grep -q "m-$1.o: __cuckoo_main+0x[0-9a-f]*: cannot prove $3" stdout || fail "mutant $1 $O: $(cat stdout)"
		expect_status 1 "$CUCKOO_LD" -o "m-$1" "m-$1.o"
		grep -q "m-$1.o: __cuckoo_main+0x[0-9a-f]*: cannot prove $3" stderr || fail "cuckoo-ld, mutant $1 $O: $(cat stderr)"
		[ -e "m-$1" ] && fail "cuckoo-ld left m-$1 behind"
	}
	# a_fn called with the state type of b
	mutant desc '/^__cuckoo_main:/,/\.size __cuckoo_main/s/movl \$type\.0, 8(%esp)/movl $type.1, 8(%esp)/' \
		"domain_call: the descriptor is not the type of the entry's first parameter's struct"
	# a domain of struct a whose setup makes a struct b
	mutant setup '/^__cuckoo_main:/,/\.size __cuckoo_main/s/movl \$a_setup, 0(%esp)/movl $b_setup, 0(%esp)/' \
		"domain_new: the descriptor is not one of the object's for the setup's struct"
	# b_fn with a's descriptor
	mutant fn '/^__cuckoo_main:/,/\.size __cuckoo_main/s/movl \$a_fn, 4(%esp)/movl $b_fn, 4(%esp)/' \
		"domain_call: the descriptor is not the type of the entry's first parameter's struct"
	# a function of another type altogether
	mutant entry '/^__cuckoo_main:/,/\.size __cuckoo_main/s/movl \$a_fn, 4(%esp)/movl $a_setup, 4(%esp)/' \
		"domain_call: the entry is not a function 'int f(S \*state, ...)'"
	# f's int argument a stack address (f runs inside the domain)
	mutant arg-stack '/^__cuckoo_main:/,/\.size __cuckoo_main/{/movl \$a_fn, 4(%esp)/,/call __cuckoo_domain_call/s/movl \$1, 20(%esp)/leal 0(%esp), %eax\n\tmovl %eax, 20(%esp)/;}' \
		"domain_call: word 1 of the entry's arguments is a stack address"
	# a setup that is not a function
	mutant setup-data '/^__cuckoo_main:/,/\.size __cuckoo_main/s/movl \$a_setup, 0(%esp)/movl $type.0, 0(%esp)/' \
		"domain_new: the setup is not a function returning a pointer to a struct"
	# owned arguments: the mask of the words whose objects move into the domain
	"$CUCKOO_CC" $O -S -o p.s "$INPUTS/domain-forge-own.ck" 2>stderr || fail "cuckoo-cc -S $O: $(cat stderr)"
	"$CUCKOO_CC" -c -o p.o p.s 2>stderr || fail "cuckoo-cc -c p.s: $(cat stderr)"
	expect_status 0 "$CUCKOO_OBJCHECK" p.o
	expect_status 0 "$CUCKOO_LD" -o p p.o
	$CUCKOO_RUN ./p; st=$?
	[ "$st" = 1 ] || fail "the owned-argument program exited $st, expected 1"
	# the int argument named as owned: the runtime would take any word for an object
	mutant mask-int '/^__cuckoo_main:/,/\.size __cuckoo_main/s/movl \$2, 12(%esp)/movl $3, 12(%esp)/' \
		"domain_call: the mask is not the entry's owned parameters (0x2)"
	# the packet left out: it would stay its old domain's while this one keeps it
	mutant mask-none '/^__cuckoo_main:/,/\.size __cuckoo_main/s/movl \$2, 12(%esp)/movl $0, 12(%esp)/' \
		"domain_call: the mask is not the entry's owned parameters (0x2)"
	# the entry without owned arguments: nothing would move
	mutant own-entry 's/__cuckoo_domain_call_own/__cuckoo_domain_call/g' \
		"domain_call: the entry takes owned pointers: its call must be __cuckoo_domain_call_own"
done
exit 0
