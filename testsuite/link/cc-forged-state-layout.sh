#!/bin/sh
# The proof's states at branch targets are held to the object's one
# spelling of each tag, as its other records are (doc/verify.md).  The
# forged use says, in the block and its func record, that struct T holds
# an int (the layout of tagproof-maker.ck's T, so the program links as
# one), but its states at the loop head say T holds a pointer; the
# checker used to compare struct types by tag only, took the states'
# layout from the loop head on, and the program read its own ELF header
# through the int.  cuckoo-ld and cuckoo-objcheck must refuse it at use.
# (Assembled with as: cuckoo-cc -c re-proves and would replace the states.)
. "$srcdir/link/cc-common.sh"
AS=$(sed -n 's/^CUCKOO_AS = //p' "$CUCKOO_RUNTIME_DIR/../tld/Makefile")
"$CUCKOO_CC" -O2 -S "$INPUTS/tagproof-forger.ck" -o forger.s || fail "cuckoo-cc -S tagproof-forger.ck"
compile tagproof-maker.ck maker.o
compile tagproof-main.ck main.o
sed -e 's/s:T{p:p(i32)}/s:T{p:i32}/g' -e 's/t=s:T? /t=s:T{p:p(i32)} /g' forger.s > forged.s
grep -q 't=s:T{p:p(i32)} ' forged.s || fail "no state forged"
grep -q '"def func use f(i32;p(s:T{p:i32}),i32)' forged.s || fail "use's type not forged"
${AS:-as} --32 -o forged.o forged.s || fail "cannot assemble the forged object"
forged_refused 'forged\.o: use\+0x[0-9a-f]+: cannot prove the proof.s states' forged.o maker.o main.o
exit 0
