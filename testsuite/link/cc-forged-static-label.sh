#!/bin/sh
# A static object's bytes are checked against its type, and kept apart
# from every other object's, through its ELF symbol (a sized STT_OBJECT).
# The forgery turns `static int gi` into a bare label (STT_NOTYPE) on the
# bytes of `int *gp`, while the proof still says `object gi i32`, and
# writes gi through a relocation against the label: the int stored would
# be read back as gp, a pointer.  Both tools must refuse the store.
. "$srcdir/link/cc-common.sh"
AS=$(sed -n 's/^CUCKOO_AS = //p' "$CUCKOO_RUNTIME_DIR/../tld/Makefile")
"$CUCKOO_CC" -O0 -S "$INPUTS/static-label.ck" -o label.s || fail "cuckoo-cc -S static-label.ck"
grep -q '^	movl \$1234, gi$' label.s || fail "no store to gi as expected"
sed -e 's/^	movl \$1234, gi$/	.byte 0xc7, 0x05\n.Lgifld:\n	.long 0\n	.long 1234\n	.reloc .Lgifld, R_386_32, gi/' \
    -e '/^	\.type gi, @object$/d' -e '/^	\.size gi, 4$/d' -e '/^gi:$/,/^	\.zero 4$/d' \
    -e 's/^gp:$/gp:\ngi:/' label.s > forged.s
grep -q '"object gi i32' forged.s || fail "the proof no longer types gi"
${AS:-as} --32 -o forged.o forged.s || fail "cannot assemble the forged object"
readelf -s forged.o | grep -E -q 'NOTYPE +LOCAL +DEFAULT +[0-9]+ gi$' || fail "gi is not a bare label"
forged_refused 'forged\.o: __cuckoo_main\+0x[0-9a-f]+: cannot prove store: a static object that is not a sized ELF object' forged.o
exit 0
