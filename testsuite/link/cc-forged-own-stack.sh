#!/bin/sh
# An owned pointer never holds a stack address (LANGUAGE.md §13.1), and the
# proof checker holds every object to it: fwd's block and proof are forged
# to say its parameter is a plain pointer (stack-bound: a caller may pass
# a frame address), so passing it on to keep's owned parameter, which keep
# stores in a global, must be refused by cuckoo-ld and cuckoo-objcheck.
. "$srcdir/link/cc-common.sh"
"$CUCKOO_CC" -S "$INPUTS/ownstack.ck" -o own.s || fail "cuckoo-cc -S ownstack.ck"
"$CUCKOO_CC" -c own.s -o own.o || fail "cuckoo-cc -c own.s"
expect_status 0 "$CUCKOO_LD" -o prog own.o
sed -e 's/"def func fwd f(v;po(i32))/"def func fwd f(v;p(i32))/' \
    -e 's/"func fwd f(v;po(i32))/"func fwd f(v;p(i32))/' own.s > forged.s
cmp -s own.s forged.s && fail "the forgery changed nothing"
"$CUCKOO_CC" -c forged.s -o forged.o || fail "cuckoo-cc -c forged.s"
expect_status 1 "$CUCKOO_LD" -o prog2 forged.o
refusal='forged.o: fwd\+0x[0-9a-f]+: cannot prove call: argument 1 of keep is a stack-bound pointer for an owned pointer$'
grep -E -q "^cuckoo-ld: error: $refusal" stderr || fail "cuckoo-ld did not name fwd's call"
expect_status 1 "$CUCKOO_OBJCHECK" forged.o
grep -E -q "^cuckoo-objcheck: error: $refusal" stdout stderr || fail "cuckoo-objcheck did not name fwd's call"
exit 0
