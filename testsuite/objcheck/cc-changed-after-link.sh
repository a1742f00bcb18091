#!/bin/sh
# A program built from cuckoo-cc objects passes the auditor; one byte of
# its .text flipped after linking, it fails with the hash mismatch.
. "$srcdir/link/cc-common.sh"
link_prog
expect_status 0 "$CUCKOO_OBJCHECK" prog
# flip the low bit of the last byte of .text (a byte inside the program's
# code, whatever it is)
python3 - prog prog.patched <<'PY' || fail "cannot patch"
import struct, sys
b = bytearray(open(sys.argv[1], 'rb').read())
shoff, = struct.unpack_from('<I', b, 0x20)
shentsize, shnum, shstrndx = struct.unpack_from('<HHH', b, 0x2e)
def sh(i):
    return struct.unpack_from('<IIIIIIIIII', b, shoff + i * shentsize)
stroff = sh(shstrndx)[4]
for i in range(shnum):
    name, _, _, _, off, size = sh(i)[:6]
    end = b.index(0, stroff + name)
    if b[stroff + name:end] == b'.text':
        b[off + size - 1] ^= 1
        break
else:
    sys.exit('no .text')
open(sys.argv[2], 'wb').write(b)
PY
chmod +x prog.patched
expect_status 1 "$CUCKOO_OBJCHECK" prog.patched
grep -x "cuckoo-objcheck: error: prog.patched: section \.text changed after linking (sha256 [0-9a-f]\{64\}, linked as [0-9a-f]\{64\})" stdout stderr ||
	fail "no hash mismatch error"
# and the byte itself, found by linking the program's objects again
grep -q "prog.patched: code segment at 0x[0-9a-f]*: 1 byte differs from a fresh link" stdout ||
	fail "the changed byte is not reported"
expect_line "cuckoo-objcheck: 1 file checked, 1 failed: 2 errors, 0 warnings"
exit 0
