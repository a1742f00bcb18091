#!/bin/sh
# Static data is what the checker checked, at link time too (doc/verify.md):
#  - gap: a relocation half in the padding before arr and half in its
#    length word (arr moved off its alignment) passed arr's own check and
#    rewrote the length word at link time: lengthof(arr) became 2055 and
#    a checked store reached victim.  A data relocation must lie inside
#    one object.
#  - lwdesc: the call-site table's start-up length-word descriptors are
#    run by the runtime; forged ones set gp to the ELF header and fp into
#    a function's middle.  Its operations must be exactly those that
#    write its object's length words.
#  - site: a call's site word pointed at ints in .data the program could
#    aim anywhere; the runtime printed the strings they named.  It must be
#    a site record of the object.
. "$srcdir/link/cc-common.sh"
AS=$(sed -n 's/^CUCKOO_AS = //p' "$CUCKOO_RUNTIME_DIR/../tld/Makefile")
asm() { ${AS:-as} --32 -o "$1.o" "$1.s" || fail "cannot assemble $1"; }
"$CUCKOO_CC" -S "$INPUTS/data-gap.ck" -o gap0.s || fail "cuckoo-cc -S data-gap.ck"
sed -e '/^	\.globl arr$/{N;s/^	\.globl arr\n	\.p2align 2$/	.p2align 2\n.Lrl:\n	.reloc .Lrl, R_386_32, big\n	.byte 0, 0\n	.globl arr/}' \
    -e '/^	\.globl victim$/{N;s/\n	\.p2align 2$//}' gap0.s > gap.s
grep -q '^	\.reloc \.Lrl, R_386_32, big$' gap.s || fail "gap not forged"
asm gap
forged_refused 'gap\.o: \.data\+0x0: cannot prove a relocation: in static data but not inside one object' gap.o
"$CUCKOO_CC" -S "$INPUTS/data-lwdesc.ck" -o lw0.s || fail "cuckoo-cc -S data-lwdesc.ck"
sed -e 's/^	\.section __cuckoo_callsites,"a",@progbits$/&\n	.long 0, .Lforge0/' lw0.s > lw.s
printf '\t.section .rodata\n\t.p2align 2\n.Lforge0:\n\t.long gp, 4\n\t.long 1, 0, 0x08048000\n\t.long 0\n' >> lw.s
grep -q '	\.long 0, \.Lforge0' lw.s || fail "descriptor not forged"
asm lw
forged_refused 'lw\.o: __cuckoo_callsites\+0x0: cannot prove a length-word descriptor: its operations are not those that write its object' lw.o
"$CUCKOO_CC" -S "$INPUTS/data-site.ck" -o site0.s || fail "cuckoo-cc -S data-site.ck"
sed -e 's/^	\.long \.Lret0, site\.1$/	.long .Lret0, fake+4/' site0.s > site.s
cmp -s site0.s site.s && fail "site not forged"
asm site
forged_refused 'site\.o: __cuckoo_callsites\+0x0: cannot prove the call-site table: an entry whose site is not a site record' site.o
exit 0
