#!/bin/sh
# A struct tag names one type in the whole program (TOOLCHAIN.md rule 4):
# two objects that define struct B differently are refused even when a
# third, which sees only `struct B;`, is all that joins them.
. "$srcdir/link/cc-common.sh"
compile glue-a.ck a.o
compile glue-b.ck b.o
compile glue-main.ck main.o
expect_status 1 "$CUCKOO_LD" -o prog main.o a.o b.o
grep -qF "'struct B' is defined differently in two objects" stderr || fail "no tag message"
grep -qF ">>> in a.o, in the type of 'make_b': f(p(s:B{x:i32});)" stderr || fail "a.o not named"
grep -qF ">>> in b.o, in the type of 'read_b': f(i32;p(s:B{p:p(i32)}))" stderr || fail "b.o not named"
[ -e prog ] && fail "output left behind"
exit 0
