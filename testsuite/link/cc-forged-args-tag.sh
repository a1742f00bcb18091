#!/bin/sh
# A spawn thunk's states name its argument block by the function it calls,
# @args(F); F's types are held to the object's spellings of its tags as
# every other type of the proof is.  Here the block names struct T only
# incomplete, and the forged states spell it with a pointer member: a
# layout only the proof gives, which no object's block would check.
# cuckoo-ld and cuckoo-objcheck must refuse the thunk's state.
. "$srcdir/link/cc-common.sh"
AS=$(sed -n 's/^CUCKOO_AS = //p' "$CUCKOO_RUNTIME_DIR/../tld/Makefile")
"$CUCKOO_CC" -O0 -S "$INPUTS/tagproof-spawn.ck" -o spawn.s || fail "cuckoo-cc -S tagproof-spawn.ck"
grep -q '@args(f(i32;p(s:T?)))' spawn.s || fail "no argument block in the thunk's states"
sed -e 's/@args(f(i32;p(s:T?)))/@args(f(i32;p(s:T{p:p(i32)})))/g' spawn.s > forged.s
${AS:-as} --32 -o forged.o forged.s || fail "cannot assemble the forged object"
forged_refused 'forged\.o: worker\.cuckoo_thunk\+0x[0-9a-f]+: cannot prove the proof.s states' forged.o
# the honest object links
"$CUCKOO_CC" -c spawn.s -o spawn.o || fail "cuckoo-cc -c spawn.s"
expect_status 0 "$CUCKOO_LD" -o prog spawn.o
exit 0
