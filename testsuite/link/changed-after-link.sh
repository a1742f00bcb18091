#!/bin/sh
# A program changed after linking no longer matches its block; an input
# changed since the link is reported, and an absent one too.
. "$srcdir/link/common.sh"
main_calls_sum 'f(i32;p(a(k(i32))))'
lib_defines_sum 'f(i32;p(a(k(i32))))'
expect_status 0 $LD -o "$T/prog" "$T/main.o" "$T/lib.o"
# patch the 42 that sum returns (b8 2a 00 00 00) into 43
python3 - "$T/prog" <<'PY' || fail "cannot patch"
import sys
b = bytearray(open(sys.argv[1], 'rb').read())
i = b.find(b'\xb8\x2a\x00\x00\x00')
assert i > 0
b[i + 1] = 0x2b
open(sys.argv[1] + '.patched', 'wb').write(b)
PY
expect_status 1 $OBJCHECK "$T/prog.patched"
expect_msg "cuckoo-objcheck: error: $T/prog.patched: section .text changed after linking"
cp "$T/main.o" "$T/main.saved"
echo >> "$T/main.o"
expect_status 1 $OBJCHECK "$T/prog"
expect_msg "input $T/main.o changed since the link"
rm "$T/main.o"
expect_status 0 $OBJCHECK "$T/prog"
expect_msg "input $T/main.o is absent; not re-hashed"
exit 0
