#!/bin/sh
# Issue 8: the program audit believes no block.  A program whose code was
# patched after linking (the store of scale(), v[i] *= k, made to write
# v[2*i]: the SIB byte's scale 4 -> 8), with the section hashes of its
# cuckoo-linked block recomputed so that they match, is refused: its code
# is checked against its proof, not against its block's word.
REBLOCK=$(cd "$srcdir/objcheck" && pwd)/reblock.py
command -v python3 > /dev/null || { echo "no python3 (reblock.py): skipped"; exit 77; }
. "$srcdir/link/cc-common.sh"
compile run-main.ck
compile run-vec.ck
compile run-text.ck
expect_status 0 "$CUCKOO_LD" -o prog run-main.o run-vec.o run-text.o
# the first store with scale 4 in scale(): mov %REG,(%BASE,%INDEX,4), 3 bytes
st=$(objdump -d prog | awk '/<scale>:/ { f = 1 } f && /^$/ { exit }
	f && /mov +%[a-z]+,\(%[a-z]+,%[a-z]+,4\)/ { print; exit }')
[ -n "$st" ] || fail "no element store in scale()"
addr=$(echo "$st" | awk '{ sub(":", "", $1); print $1 }')
sib=$(echo "$st" | awk '{ print $4 }')
python3 "$REBLOCK" prog prog.patched --bytes $((0x$addr + 2)) "$(printf '%02x' $((0x$sib | 0xc0)))" ||
	fail "cannot forge"
expect_status 1 "$CUCKOO_OBJCHECK" prog.patched
grep -q 'changed after linking' stdout stderr && fail "the forged block's hashes do not match"
grep -E -q 'prog\.patched: ?scale\+0x[0-9a-f]+: cannot prove' stdout stderr || fail "no message naming scale+0x"
exit 0
