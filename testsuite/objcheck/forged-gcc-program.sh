#!/bin/sh
# Issue 8: a gcc-built program (it calls system()) given a forged
# .cuckoo.types: a real Cuckoo program's blocks, the cuckoo-linked one
# rewritten with the gcc program's section hashes, with its `func`
# records dropped or kept, without and with the real program's
# .cuckoo.objects.  cuckoo-objcheck refuses all three: the program's
# executable bytes are neither checked Cuckoo code nor what the installed
# runtime and the linker produce.
REBLOCK=$(cd "$srcdir/objcheck" && pwd)/reblock.py
command -v python3 > /dev/null || { echo "no python3 (reblock.py): skipped"; exit 77; }
. "$srcdir/link/cc-common.sh"
printf '#include <stdlib.h>\nint main(void) { return system("echo pwned"); }\n' > evil.c
gcc -m32 -no-pie -O1 -o evil evil.c 2> /dev/null || { echo "no gcc -m32: skipped"; exit 77; }
link_prog
objcopy --dump-section .cuckoo.types=types --dump-section .cuckoo.objects=objects prog ||
	fail "objcopy --dump-section"
python3 "$REBLOCK" evil nofuncs --types types --drop-func '*' || fail "cannot forge"
expect_status 1 "$CUCKOO_OBJCHECK" nofuncs
grep -q 'changed after linking' stdout stderr && fail "the forged block's hashes do not match"
grep -q 'nofuncs: no \.cuckoo\.objects section' stdout || fail "no error naming the program"
python3 "$REBLOCK" evil funcs --types types || fail "cannot forge"
expect_status 1 "$CUCKOO_OBJCHECK" funcs
grep -q 'changed after linking' stdout stderr && fail "the forged block's hashes do not match"
python3 "$REBLOCK" evil withobjs --types types --objects objects || fail "cannot forge"
expect_status 1 "$CUCKOO_OBJCHECK" withobjs
grep -q 'changed after linking' stdout stderr && fail "the forged block's hashes do not match"
grep -q 'withobjs: its ELF header .*not the one a fresh link' stdout || fail "no error on the ELF header"
exit 0
