#!/bin/sh
# Read-only data is never in a mergeable section (SHF_MERGE, SHF_STRINGS):
# GNU ld splits such a section into pieces, drops duplicates and moves each
# symbol to where its first piece lands, so the bytes loaded are not the
# bytes checked -- a printf format checked as "%d" ran as another
# string's "%s", an array's length word became the next piece's bytes.
# The forgery moves the compiler's .rodata into .rodata.str1.1 "aMS";
# both tools refuse the section.
. "$srcdir/link/cc-common.sh"
AS=$(sed -n 's/^CUCKOO_AS = //p' "$CUCKOO_RUNTIME_DIR/../tld/Makefile")
"$CUCKOO_CC" -S "$INPUTS/domain-state.ck" -o text.s || fail "cuckoo-cc -S domain-state.ck"
grep -q '^	\.section \.rodata$' text.s || fail "no .rodata to forge"
sed -e 's/^	\.section \.rodata$/	.section .rodata.str1.1,"aMS",@progbits,1/' text.s > forged.s
${AS:-as} --32 -o forged.o forged.s || fail "cannot assemble the forged object"
forged_refused "forged\.o: section '\.rodata\.str1\.1' is not allowed in a Cuckoo object: it is mergeable" forged.o
exit 0
