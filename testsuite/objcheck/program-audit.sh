#!/bin/sh
# Issue 8, the program audit: every byte the loader maps is a fresh link
# of the checked objects the program holds (tld/progaudit.c).  Each case
# changes something the block's section digests do not see, or changes it
# and recomputes them (reblock.py), and must be refused naming what
# changed; the unchanged program, stripped or not, passes.
REBLOCK=$(cd "$srcdir/objcheck" && pwd)/reblock.py
command -v python3 > /dev/null || { echo "no python3: skipped"; exit 77; }
. "$srcdir/link/cc-common.sh"
link_prog
expect_status 0 "$CUCKOO_OBJCHECK" prog
strip -o prog.stripped prog || fail "strip"
expect_status 0 "$CUCKOO_OBJCHECK" prog.stripped
expect_line "cuckoo-objcheck: 1 file checked, 0 failed: 0 errors, 0 warnings"

# patch FILE OUT OFFSET HEX: OUT is FILE with HEX written at file OFFSET
patch() {
	python3 -c 'import sys
b = bytearray(open(sys.argv[1], "rb").read())
o = int(sys.argv[3], 0); d = bytes.fromhex(sys.argv[4])
b[o:o + len(d)] = d
open(sys.argv[2], "wb").write(b)' "$@" && chmod +x "$2" || fail "cannot patch $1"
}

# secaddr NAME: the address of section NAME of prog, in hex
secaddr() {
	readelf -SW prog | sed -n "s/.*] $1  *[A-Z_]*  *\([0-9a-f]*\) .*/\1/p"
}

# 1. Bytes in the code segment's last page but in no section: the kernel
#    maps them executable, no section digest covers them.
tail_off=$(readelf -lW prog | awk '$1 == "LOAD" && / E / { print $2, $5 }' |
	{ read off size && echo $((off + size)); })
[ -n "$tail_off" ] || fail "no code segment"
[ $((tail_off % 4096)) -ne 0 ] || { echo "code segment ends on a page: case 1 skipped"; tail_off=; }
if [ -n "$tail_off" ]; then
	patch prog tail.prog "$tail_off" cd80c3
	expect_status 1 "$CUCKOO_OBJCHECK" tail.prog
	grep -q 'changed after linking' stdout && fail "case 1: a section digest saw the page's tail"
	grep -q "tail.prog: code segment at 0x[0-9a-f]*: 3 bytes differ from a fresh link .*(in no section), is 0xcd where the link gives 0x00" stdout ||
		fail "case 1: the bytes after the code segment are not reported"
fi

# 2. The interpreter: a program loaded by another dynamic linker runs its
#    code first.  The digests are recomputed.
interp=$(secaddr '\.interp')
[ -n "$interp" ] || fail "no .interp"
python3 "$REBLOCK" prog interp.prog --bytes 0x$interp 2f746d70 || fail "cannot forge"   # "/tmp"
expect_status 1 "$CUCKOO_OBJCHECK" interp.prog
grep -q 'changed after linking' stdout && fail "case 2: the forged digests do not match"
grep -q "interp.prog: read-only segment at 0x[0-9a-f]*: [0-9] bytes differ from a fresh link .*(in \.interp)" stdout ||
	fail "case 2: the interpreter is not reported"

# 3. Data: a word of run-main's data made to point elsewhere, digests
#    recomputed.  The code is unchanged and its proof holds, but the proof
#    assumed the data its object holds.
data=$(secaddr '\.data')
python3 "$REBLOCK" prog data.prog --bytes 0x$data 41414141 || fail "cannot forge"
expect_status 1 "$CUCKOO_OBJCHECK" data.prog
grep -q "data.prog: data segment at 0x[0-9a-f]*: [0-9]* bytes\? differs\? from a fresh link .*in \.data" stdout ||
	fail "case 3: the changed data is not reported"

# 4. The program headers: the data segment made executable.
python3 - prog phdr.prog <<'PY' || fail "cannot patch the program headers"
import struct, sys
b = bytearray(open(sys.argv[1], 'rb').read())
phoff, = struct.unpack_from('<I', b, 0x1c)
phnum, = struct.unpack_from('<H', b, 0x2c)
for i in range(phnum):
    o = phoff + 32 * i
    typ, flags = struct.unpack_from('<I', b, o)[0], struct.unpack_from('<I', b, o + 24)[0]
    if typ == 1 and flags & 2:          # PT_LOAD, PF_W
        struct.pack_into('<I', b, o + 24, flags | 1)
        break
open(sys.argv[2], 'wb').write(b)
PY
chmod +x phdr.prog
expect_status 1 "$CUCKOO_OBJCHECK" phdr.prog
expect_line "cuckoo-objcheck: error: phdr.prog: its program headers (the segments the loader maps) are not the ones a fresh link of its objects gives"

# 5. The objects removed: nothing to account for the code with.
objcopy --remove-section .cuckoo.objects prog noobjs.prog || fail "objcopy"
expect_status 1 "$CUCKOO_OBJCHECK" noobjs.prog
grep -q "noobjs.prog: no \.cuckoo\.objects section" stdout || fail "case 5: no error"

# 6. The objects' container damaged.
objcopy --dump-section .cuckoo.objects=objs prog || fail "objcopy"
printf 'cuckoo-objects 1\nobject cuckoo 999999 x.o\n' > bad.objs
objcopy --update-section .cuckoo.objects=bad.objs prog badobjs.prog || fail "objcopy"
expect_status 1 "$CUCKOO_OBJCHECK" badobjs.prog
expect_line "cuckoo-objcheck: error: badobjs.prog: malformed .cuckoo.objects section: bad object line 'object cuckoo 999999 x.o'"

# 7. One object fewer: the link of the rest differs (or fails).
python3 - objs fewer.objs <<'PY' || fail "cannot rewrite the objects"
import sys
b = open(sys.argv[1], 'rb').read()
head, rest = b.split(b'\n', 1)
out, kept = [head + b'\n'], 0
while not rest.startswith(b'end\n'):
    line, rest = rest.split(b'\n', 1)
    size = int(line.split()[2])
    body, rest = rest[:size], rest[size + 1:]
    if b'run-text' in line:
        continue
    out.append(line + b'\n' + body + b'\n')
out.append(b'end\n')
open(sys.argv[2], 'wb').write(b''.join(out))
PY
objcopy --update-section .cuckoo.objects=fewer.objs prog fewer.prog || fail "objcopy"
expect_status 1 "$CUCKOO_OBJCHECK" fewer.prog
grep -q "fewer.prog" stdout || fail "case 7: no error naming the program"
exit 0
