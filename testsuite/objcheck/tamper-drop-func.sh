#!/bin/sh
# Issue 8: the program audit accounts for every executable byte.  A program
# patched after linking (an `int $0x80` written into scale()), whose
# cuckoo-linked block no longer has scale's `func` record and whose
# section hashes were recomputed, is refused: the bytes of scale are
# neither checked Cuckoo code nor the runtime's, start-up or PLT code.
REBLOCK=$(cd "$srcdir/objcheck" && pwd)/reblock.py
command -v python3 > /dev/null || { echo "no python3 (reblock.py): skipped"; exit 77; }
. "$srcdir/link/cc-common.sh"
compile run-main.ck
compile run-vec.ck
compile run-text.ck
expect_status 0 "$CUCKOO_LD" -o prog run-main.o run-vec.o run-text.o
st=$(objdump -d prog | awk '/<scale>:/ { f = 1 } f && /^$/ { exit }
	f && /mov +%[a-z]+,\(%[a-z]+,%[a-z]+,4\)/ { print; exit }')
[ -n "$st" ] || fail "no element store in scale()"
addr=$(echo "$st" | awk '{ sub(":", "", $1); print $1 }')
python3 "$REBLOCK" prog prog.patched --bytes $((0x$addr)) cd8090 --drop-func scale || fail "cannot forge"
expect_status 1 "$CUCKOO_OBJCHECK" prog.patched
grep -q 'changed after linking' stdout stderr && fail "the forged block's hashes do not match"
grep -q 'prog\.patched' stderr || fail "no error naming the program"
# and with the symbol table gone too (strip keeps the blocks)
strip -o prog.stripped prog.patched || fail "strip"
expect_status 1 "$CUCKOO_OBJCHECK" prog.stripped
exit 0
