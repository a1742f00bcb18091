#!/bin/sh
# Issue 8: the program audit believes no block.  A program whose code was
# patched after linking (the store of scale(), v[i] *= k, made to write
# v[2*i]: the SIB byte's scale 4 -> 8), with the section hashes of its
# cuckoo-linked block recomputed so that they match, is refused: the
# program must be a fresh link of the checked objects it holds, whatever
# its block says; the message names the changed place.
REBLOCK=$(cd "$srcdir/objcheck" && pwd)/reblock.py
command -v python3 > /dev/null || { echo "no python3 (reblock.py): skipped"; exit 77; }
. "$srcdir/link/cc-common.sh"
link_prog
# the first store with scale 4 in scale(): mov %REG,(%BASE,%INDEX,4), 3 bytes
scale_store
addr=$(echo "$st" | awk '{ sub(":", "", $1); print $1 }')
sib=$(echo "$st" | awk '{ print $4 }')
python3 "$REBLOCK" prog prog.patched --bytes $((0x$addr + 2)) "$(printf '%02x' $((0x$sib | 0xc0)))" ||
	fail "cannot forge"
expect_status 1 "$CUCKOO_OBJCHECK" prog.patched
grep -q 'changed after linking' stdout stderr && fail "the forged block's hashes do not match"
grep -E -q "prog\.patched: code segment at 0x[0-9a-f]+: 1 byte differs .*, at 0x$(printf %x $((0x$addr + 2))) \(scale\+0x[0-9a-f]+ in \.text\), is 0x[0-9a-f]+ where the link gives 0x$sib" stdout stderr ||
	fail "no message naming the changed byte in scale"
exit 0
