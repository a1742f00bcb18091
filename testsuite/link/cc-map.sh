#!/bin/sh
# -Map FILE writes the GNU linker's map of the link; a refused link writes
# none, and the map may not be written over an input or the output.
. "$srcdir/link/cc-common.sh"
compile run-main.ck
compile run-vec.ck
compile run-text.ck
expect_status 0 "$CUCKOO_LD" -Map prog.map -o prog run-main.o run-vec.o run-text.o
[ -s prog.map ] || fail "no map"
grep -q '^Linker script and memory map' prog.map || fail "not a map"
grep -q '^ \.text  *0x[0-9a-f]* *0x[0-9a-f]* .*run-vec\.o$' prog.map || fail "no .text of run-vec.o in the map"
grep -q ' sum$' prog.map || fail "sum not in the map"
ls -a | grep -q cuckoo-ld && fail "temporary file left behind"
# refused: no map
expect_status 1 "$CUCKOO_LD" -Map bad.map -o bad run-main.o run-vec.o
[ -e bad.map ] && fail "map written by a refused link"
[ -e bad ] && fail "output written by a refused link"
# never over an input, nor over the program
cp run-vec.o saved.o
expect_status 2 "$CUCKOO_LD" -Map run-vec.o -o prog2 run-main.o run-vec.o run-text.o
expect_line "cuckoo-ld: error: the map run-vec.o is also an input; refusing to write over it"
cmp run-vec.o saved.o || fail "the map was written over an input"
[ -e prog2 ] && fail "output written"
expect_status 2 "$CUCKOO_LD" -Map prog3 -o ./prog3 run-main.o run-vec.o run-text.o
expect_line "cuckoo-ld: error: the map prog3 is also the output"
[ -e prog3 ] && fail "output written"
exit 0
