#!/bin/sh
# C's struct and union tags are one name space, so a canonical string
# never names one tag as both (doc/verify.md).  Renaming union Q to X in
# A's descriptor (and its size word to the runtime's reading of the
# result) made the back reference z:u:X mean the union to the checker
# and struct X to the runtime's layout reader: the runtime allocated 40
# bytes for a struct the checker took for 68, and a store to p->z wrote
# into the next object.  The linker's reader refuses such a string (the
# descriptor is then not one of the object's), and so does the runtime's
# (rt/layout.c; unit/rt-alloc, descriptors_not_believed).
. "$srcdir/link/cc-common.sh"
AS=$(sed -n 's/^CUCKOO_AS = //p' "$CUCKOO_RUNTIME_DIR/../tld/Makefile")
"$CUCKOO_CC" -O0 -S "$INPUTS/tagproof-su.ck" -o su.s || fail "cuckoo-cc -S tagproof-su.ck"
grep -q '"s:A{x:u:Q{w:s:W{a:i64,b:i64,c:i64,d:i64}},y:s:X{b:i32},z:u:Q}"' su.s || fail "A's string is not as expected"
grep -q 'long .Lcks[0-9]*, 68, 4, 1, 0' su.s || fail "A's descriptor is not as expected"
sed -e 's/u:Q/u:X/g' -e 's/\(long .Lcks[0-9]*\), 68, 4, 1, 0/\1, 40, 4, 1, 0/' su.s > forged.s
${AS:-as} --32 -o forged.o forged.s || fail "cannot assemble the forged object"
forged_refused 'forged\.o: __cuckoo_main\+0x[0-9a-f]+: cannot prove call: of __cuckoo_new: its type descriptor is not one of this object.s' \
	forged.o
exit 0
