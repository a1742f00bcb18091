#!/bin/sh
# Symbols the block rules used to skip: an undefined global retyped
# STT_SECTION or STT_FILE (ld still resolves it by name into libc), and a
# local STT_GNU_IFUNC.
. "$srcdir/link/common.sh"
for ty in '@section' '@file'; do
  # gas cannot type an undefined symbol; patch the symbol's st_info after assembling
  { func __cuckoo_main 24 '\tpushl $0\n\tcall system\n\taddl $4, %esp\n\tleave\n\tret'
    block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\n$TRAPREF"; } > "$T/main.body"
  obj main
  case $ty in @section) t=3 ;; *) t=4 ;; esac
  python3 - "$T/main.o" "$t" <<'PY' || fail "cannot patch"
import sys, struct
p, t = sys.argv[1], int(sys.argv[2])
b = bytearray(open(p, 'rb').read())
shoff, = struct.unpack_from('<I', b, 0x20)
shentsize, shnum = struct.unpack_from('<HH', b, 0x2e)
secs = [struct.unpack_from('<IIIIIIIIII', b, shoff + i * shentsize) for i in range(shnum)]
for s in secs:
    if s[1] == 2:  # SHT_SYMTAB
        strtab = secs[s[6]]
        for k in range(s[5] // 16):
            e = s[4] + k * 16
            name, value, size, info, other, shndx = struct.unpack_from('<IIIBBH', b, e)
            nm = bytes(b[strtab[4] + name:b.index(0, strtab[4] + name)]).decode()
            if nm == 'system':
                b[e + 12] = (info & 0xf0) | t
open(p, 'wb').write(b)
PY
  expect_status 1 $LD -o "$T/prog" "$T/main.o"
  expect_msg "symbol 'system'"
  expect_status 1 $OBJCHECK "$T/main.o"
done
{ func __cuckoo_main 24 '\tcall ifn\n\tleave\n\tret'
  printf '\t.type ifn,@gnu_indirect_function\nifn:\tret\n\t.size ifn,.-ifn\n'
  block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\n$TRAPREF"; } > "$T/main.body"
obj main
expect_status 1 $LD -o "$T/prog" "$T/main.o"
expect_msg "symbol 'ifn' has a type that is not allowed"
expect_status 1 $OBJCHECK "$T/main.o"
expect_msg "symbol 'ifn' has a type that is not allowed"
exit 0
