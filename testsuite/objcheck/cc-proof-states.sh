#!/bin/sh
# The proof's states at branch targets (doc/verify.md "States at branch
# targets") are checked at every edge, never believed: cuckoo-cc's states
# pass, and each state below, made to claim what does not hold on an edge
# into its block, is refused by cuckoo-objcheck and cuckoo-ld, naming the
# place.  The mutants are assembled with the plain assembler: cuckoo-cc -c
# would write the states again from the code (shown last).
. "$srcdir/link/cc-common.sh"
AS=$("$CUCKOO_CC" -print-prog-name=as)
for O in -O0 -O2; do
	"$CUCKOO_CC" $O -S -o p.s "$INPUTS/prove-basic.ck" 2>stderr || fail "cuckoo-cc -S $O: $(cat stderr)"
	grep -q '\.ascii "targets ' p.s || fail "no states at branch targets in the -S output ($O)"
	grep -q '\.ascii "at +0x[0-9a-f]*\\012"	# \.L' p.s || fail "a state is not named by its label ($O)"
	"$AS" --32 -o p.o p.s || fail "p.s does not assemble"
	expect_status 0 "$CUCKOO_OBJCHECK" p.o
	# state NAME SED-SCRIPT FUNCTION REASON
	state() {
		sed "$2" p.s > "m-$1.s"
		cmp -s p.s "m-$1.s" && fail "mutation $1 $O changed nothing"
		"$AS" --32 -o "m-$1.o" "m-$1.s" 2>stderr || fail "mutant $1 does not assemble: $(cat stderr)"
		expect_status 1 "$CUCKOO_OBJCHECK" "m-$1.o"
		grep -q "m-$1.o: $3+0x[0-9a-f]*: cannot prove $4" stdout || fail "mutant $1 $O: $(cat stdout)"
		expect_status 1 "$CUCKOO_LD" -o "m-$1" "m-$1.o"
		grep -q "m-$1.o: $3+0x[0-9a-f]*: cannot prove $4" stderr || fail "cuckoo-ld, mutant $1 $O: $(cat stderr)"
		[ -e "m-$1" ] && fail "cuckoo-ld left m-$1 behind"
		# cuckoo-cc -c proves the code again: the lie is gone
		"$CUCKOO_CC" -c -o "re-$1.o" "m-$1.s" 2>stderr || fail "cuckoo-cc -c m-$1.s: $(cat stderr)"
		expect_status 0 "$CUCKOO_OBJCHECK" "re-$1.o"
	}
	# walk's parameter may point into main's frame: a state that says the
	# list pointer is not stack-bound is refused at the edge from the entry
	state not-stack '/func walk/,/"end/{/"at +0x[0-9a-f]*\\012"	# \.Lwalk/,/"at /s/^\(.*reg %e.. v[0-9]* ptr t=s:node? off=0 nonnull\) stack\\012"$/\1\\012"/;}' walk "\(a jump\|the fall-through into this block\): .*the state there says a non-null pointer to s:node?"
	# p->next may be NULL: a state that says non-null is refused
	state nonnull '/func walk/,/"end/{/reg %e.. v[0-9]* ptr t=s:node? off=0 stack\\012"$/s/ stack\\012"$/ nonnull stack\\012"/;}' walk "\(a jump\|the fall-through into this block\): .*the state there says a non-null stack-bound pointer"
	# the trap block of get's bounds check: the index is not below 10 there
	state false-fact '/func get/,/"end/{/"at +0x[0-9a-f]*\\012"	# \.Ltrap/s/$/\n\t.ascii "fact v1 <u 10\\012"/;}' get "a jump: to +0x[0-9a-f]*: the state there says .* <u 10, which does not hold here"
	# a state where no instruction begins
	state nowhere '/func get/,/"end/s/"at +0x[0-9a-f]*\\012"\(	# \.Ltrap\)/"at +0x1\\012"\1/' get "the proof's states: one at +0x1, where no block begins"
	# every state of walk gone: its jumps land where nothing is stated
	state no-states '/func walk/,/"end/{/"at /,/"end/{/"end/!d;};}' walk "a jump: to +0x[0-9a-f]*, where the proof states no state"
	# a record the checker does not know
	state malformed '/func get/,/"end/s/^\(\t\.ascii "reg %ebx v[0-9]*\) saved reg=%ebx/\1 saved reg=%eip/' get "the proof's states: the one at .*: a saved register that is not a register"
done
exit 0
