#!/bin/sh
# A Cuckoo object's global symbols have default visibility.  A hidden
# definition never reaches the program's dynamic symbols, where the C
# library's names are refused, yet GNU ld binds the start-up objects'
# references to it: a hidden __libc_start_main was called by crt1 with a
# code pointer where its type said a struct, and its checked code read
# and wrote through it.  Both tools refuse the symbol.
. "$srcdir/link/cc-common.sh"
AS=$(sed -n 's/^CUCKOO_AS = //p' "$CUCKOO_RUNTIME_DIR/../tld/Makefile")
"$CUCKOO_CC" -S "$INPUTS/domain-state.ck" -o vec.s || fail "cuckoo-cc -S domain-state.ck"
sym=$(sed -n 's/^	\.globl \([a-z_]*\)$/\1/p' vec.s | head -1)
[ -n "$sym" ] || fail "no global symbol to hide"
sed -e "s/^	\.globl $sym\$/&\n	.hidden $sym/" vec.s > forged.s
grep -q "^	\.hidden $sym\$" forged.s || fail "not hidden"
${AS:-as} --32 -o forged.o forged.s || fail "cannot assemble the forged object"
forged_refused "forged\.o: symbol '$sym' has a visibility other than default" forged.o
exit 0
