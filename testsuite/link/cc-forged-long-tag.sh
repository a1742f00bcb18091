#!/bin/sh
# A struct tag is its whole name, however long (the proof checker once
# keyed tags by their first 300 bytes).  longtag-forger.ck's use(q) reads
# q->p, a pointer, from a struct T...1 { int *p; }; the forgery says q is a
# pointer to T...2, incomplete in that object, where T...1 and T...2 share
# their first 301 characters.  Linked with longtag-maker.ck, whose T...2
# holds an int, the program would dereference 0x41414141 (it did).
# cuckoo-ld and cuckoo-objcheck must refuse the forged object at use.
# run-pass/long-struct-tags is the honest side: both tags in one program.
. "$srcdir/link/cc-common.sh"
base=T$(printf 'a%.0s' $(seq 300))
"$CUCKOO_CC" -S "$INPUTS/longtag-forger.ck" -o forger.s || fail "cuckoo-cc -S longtag-forger.ck"
compile longtag-maker.ck maker.o
compile longtag-main.ck main.o
# every T...1 but g1's type (which keeps the tag's layout in the object)
sed -e "/def data g1 /!s/s:${base}1{p:p(i32)}/s:${base}2?/g" forger.s > forged.s
cmp -s forger.s forged.s && fail "the forgery changed nothing"
grep -q "def func use f(i32;p(s:${base}2?))" forged.s || fail "use's type not forged"
grep -q "def data g1 s:${base}1{p:p(i32)}" forged.s || fail "g1's type forged too"
"$CUCKOO_CC" -c forged.s -o forged.o || fail "cuckoo-cc -c forged.s"
forged_refused 'forged\.o: use\+0x[0-9a-f]+: cannot prove' forged.o maker.o main.o
exit 0
