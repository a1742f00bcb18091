#!/bin/sh
# --verbose prints the linker's decisions: what it loads, why it pulls a
# member from an archive, the audit of each input, the GNU linker's command
# line and the block it stamps.
. "$srcdir/link/cc-common.sh"
compile arch-main.ck main.o
compile arch-sum.ck sum.o
mkdir lib && ar rcs lib/libfoo.a sum.o || fail ar
expect_status 0 "$CUCKOO_LD" --verbose -o prog main.o -Llib -lfoo
expect_line "cuckoo-ld: -lfoo: found lib/libfoo.a"
expect_line "cuckoo-ld: loading main.o"
expect_line "cuckoo-ld: pulling lib/libfoo.a(sum.o) from its archive for 'sum'"
expect_line "cuckoo-ld: main.o: Cuckoo object, audit passed"
expect_line "cuckoo-ld: lib/libfoo.a(sum.o): Cuckoo object, audit passed"
grep -q "^cuckoo-ld: the Cuckoo runtime: .*/cuckoo-start.o (sha256 [0-9a-f]\{64\})$" stderr || fail "no runtime line"
grep -q "^cuckoo-ld: running .* -m elf_i386 " stderr || fail "no ld command line"
expect_line "cuckoo-ld: the linker's block:"
expect_line "cuckoo-linked 1"
expect_line "cuckoo-ld: wrote prog"
# without --verbose, a clean link is silent
expect_status 0 "$CUCKOO_LD" -o prog main.o -Llib -lfoo
[ -s stderr ] || [ -s stdout ] && fail "a clean link printed something"
# a refused link says where it stopped
compile arch-main2.ck main2.o
compile arch-bad.ck bad.o
expect_status 1 "$CUCKOO_LD" --verbose -o prog2 main2.o bad.o sum.o
expect_line "cuckoo-ld: stopping after the pass 'resolve symbols': 1 error"
exit 0
