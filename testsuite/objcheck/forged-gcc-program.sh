#!/bin/sh
# Issue 8: a gcc-built program (it calls system()) given a forged
# .cuckoo.types: a real Cuckoo program's blocks, the cuckoo-linked one
# rewritten with the gcc program's section hashes, with its `func`
# records dropped or kept.  cuckoo-objcheck refuses both: the program's
# executable bytes are neither checked Cuckoo code nor what the installed
# runtime and the linker produce.
REBLOCK=$(cd "$srcdir/objcheck" && pwd)/reblock.py
command -v python3 > /dev/null || { echo "no python3 (reblock.py): skipped"; exit 77; }
. "$srcdir/link/cc-common.sh"
printf '#include <stdlib.h>\nint main(void) { return system("echo pwned"); }\n' > evil.c
gcc -m32 -no-pie -O1 -o evil evil.c 2> /dev/null || { echo "no gcc -m32: skipped"; exit 77; }
compile run-main.ck
compile run-vec.ck
compile run-text.ck
expect_status 0 "$CUCKOO_LD" -o prog run-main.o run-vec.o run-text.o
objcopy --dump-section .cuckoo.types=types prog || fail "objcopy --dump-section"
python3 "$REBLOCK" evil nofuncs --types types --drop-func '*' || fail "cannot forge"
expect_status 1 "$CUCKOO_OBJCHECK" nofuncs
grep -q 'changed after linking' stdout stderr && fail "the forged block's hashes do not match"
grep -q 'nofuncs' stderr || fail "no error naming the program"
python3 "$REBLOCK" evil funcs --types types || fail "cannot forge"
expect_status 1 "$CUCKOO_OBJCHECK" funcs
grep -q 'changed after linking' stdout stderr && fail "the forged block's hashes do not match"
exit 0
