#!/bin/sh
# Issue 8: Cuckoo code in a program is checked against its proof.  The
# store of scale() is patched (v[i] -> v[2*i]: the SIB byte's scale 4 -> 8)
# both in the program and in the copy of run-vec.o it holds, and the
# block's digests are recomputed, so that a fresh link of the held objects
# gives exactly the program.  The audit refuses it: the held object fails
# the proof checker, naming the function.
REBLOCK=$(cd "$srcdir/objcheck" && pwd)/reblock.py
command -v python3 > /dev/null || { echo "no python3 (reblock.py): skipped"; exit 77; }
. "$srcdir/link/cc-common.sh"
link_prog
scale_store
addr=$(echo "$st" | awk '{ sub(":", "", $1); print $1 }')
# the store's three bytes, as they are in the program and in the object
code=$(echo "$st" | awk '{ print $2 $3 $4 }')
sib=$(echo "$st" | awk '{ print $4 }')
new=$(echo "$st" | awk '{ print $2 $3 }')$(printf '%02x' $((0x$sib | 0xc0)))
objcopy --dump-section .cuckoo.objects=objs prog || fail "objcopy --dump-section"
python3 - objs objs.patched "$code" "$new" <<'PY' || fail "cannot patch the held object"
import sys
b = open(sys.argv[1], 'rb').read()
old, new = bytes.fromhex(sys.argv[3]), bytes.fromhex(sys.argv[4])
# the store is in run-vec.o's code: patch its first occurrence there
start = b.index(b' run-vec.o\n')
at = b.index(old, start)
open(sys.argv[2], 'wb').write(b[:at] + new + b[at + len(old):])
PY
objcopy --update-section .cuckoo.objects=objs.patched prog prog.objs || fail "objcopy --update-section"
python3 "$REBLOCK" prog.objs prog.patched --bytes $((0x$addr + 2)) "$(printf '%02x' $((0x$sib | 0xc0)))" ||
	fail "cannot forge"
expect_status 1 "$CUCKOO_OBJCHECK" prog.patched
grep -q 'changed after linking' stdout && fail "the forged block's hashes do not match"
grep -q 'differs\? from a fresh link' stdout && fail "the program is not the fresh link of its held objects"
grep -E -q 'prog\.patched\(run-vec\.o\): ?scale\+0x[0-9a-f]+: cannot prove' stdout ||
	fail "no proof failure naming scale in the held run-vec.o"
exit 0
