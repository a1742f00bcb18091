#!/bin/sh
# Issue 8: the program audit accounts for every executable byte.  A program
# patched after linking (an `int $0x80` written into scale()), whose
# cuckoo-linked block no longer has scale's `func` record and whose
# section hashes were recomputed, is refused: the bytes of scale are
# neither checked Cuckoo code nor the runtime's, start-up or PLT code.
REBLOCK=$(cd "$srcdir/objcheck" && pwd)/reblock.py
command -v python3 > /dev/null || { echo "no python3 (reblock.py): skipped"; exit 77; }
. "$srcdir/link/cc-common.sh"
link_prog
scale_store
addr=$(echo "$st" | awk '{ sub(":", "", $1); print $1 }')
python3 "$REBLOCK" prog prog.patched --bytes $((0x$addr)) cd8090 --drop-func scale || fail "cannot forge"
expect_status 1 "$CUCKOO_OBJCHECK" prog.patched
grep -q 'changed after linking' stdout stderr && fail "the forged block's hashes do not match"
grep -q 'prog\.patched: code segment at 0x[0-9a-f]*: 3 bytes differ' stdout || fail "no error naming the program"
# and with the symbol table gone too (strip keeps the blocks)
strip -o prog.stripped prog.patched || fail "strip"
expect_status 1 "$CUCKOO_OBJCHECK" prog.stripped
grep -q 'prog\.stripped: code segment at 0x[0-9a-f]*: 3 bytes differ' stdout || fail "no error naming the stripped program"
exit 0
