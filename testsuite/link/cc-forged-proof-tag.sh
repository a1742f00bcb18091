#!/bin/sh
# A tag the block names only incomplete gets no layout from the proof
# alone: the linker holds the program to one layout per tag by the blocks'
# spellings, and a spelling only the proof gives would escape that.  The
# forged use's block record says its parameter points to an incomplete
# struct T (so it links with tagproof-main.ck's view), while its proof's
# func record spells T with a pointer member; tagproof-maker.ck's T holds
# an int, which the program used to dereference.  Both tools must refuse
# the object.
. "$srcdir/link/cc-common.sh"
AS=$(sed -n 's/^CUCKOO_AS = //p' "$CUCKOO_RUNTIME_DIR/../tld/Makefile")
"$CUCKOO_CC" -O2 -S "$INPUTS/tagproof-forger.ck" -o forger.s || fail "cuckoo-cc -S tagproof-forger.ck"
compile tagproof-maker.ck maker.o
compile tagproof-main.ck main.o
sed -e '/"def func use /s/s:T{p:p(i32)}/s:T?/' forger.s > forged.s
grep -q '"def func use f(i32;p(s:T?),i32)' forged.s || fail "use's type not forged"
grep -q '"func use f(i32;p(s:T{p:p(i32)}),i32)' forged.s || fail "the proof's record changed"
${AS:-as} --32 -o forged.o forged.s || fail "cannot assemble the forged object"
forged_refused "forged\.o: malformed \.cuckoo\.proof: 's:T' is spelt in full, but the block names it only incomplete" \
	forged.o maker.o main.o
exit 0
