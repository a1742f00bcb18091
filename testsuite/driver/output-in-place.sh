#!/bin/sh
# An output that is not a regular file is written in place, not replaced.
#
# What is tested: `-o FIFO` with -S, -c, -E and a link (cuckoo-cc, and
# cuckoo-ld directly) writes the output through the FIFO, which is still a
# FIFO afterwards; the reader gets exactly the bytes of the same output
# written to a regular file.  (configure scripts compile to -o /dev/null:
# renaming a temporary file onto it, as root, replaced the device with a
# regular file.  A FIFO shows the same fault without touching /dev.)  No
# temporary file is left beside the FIFO.
. "$srcdir/driver/common.sh"
command -v mkfifo > /dev/null || { echo "SKIP: no mkfifo"; exit 77; }
mkdir out
mkfifo out/fifo || { echo "SKIP: cannot make a FIFO here"; exit 77; }

# through_fifo WHAT CMD...: runs CMD (which writes out/fifo) while a reader
# copies the FIFO to got; a hung writer or reader fails after 60 seconds
through_fifo() {
	what=$1; shift
	rm -f got
	( timeout 60 cat out/fifo > got ) &
	reader=$!
	timeout 60 "$@" > .stdout 2> .stderr
	st=$?
	cat .stdout .stderr
	wait $reader
	[ $st = 0 ] || fail "$what into a FIFO exited $st"
	[ -p out/fifo ] || fail "$what replaced the FIFO out/fifo with a regular file"
	left=$(ls -A out | grep -v '^fifo$' | head -n 1)
	[ -z "$left" ] || fail "$what left out/$left beside the FIFO"
}

through_fifo "cuckoo-cc -S" "$CC" -S prog.ck -o out/fifo
"$CC" -S prog.ck -o want.s || fail "cuckoo-cc -S prog.ck failed"
cmp got want.s > /dev/null || fail "cuckoo-cc -S -o FIFO wrote other bytes than -o FILE"

through_fifo "cuckoo-cc -E" "$CC" -E prog.ck -o out/fifo
"$CC" -E prog.ck -o want.i || fail "cuckoo-cc -E prog.ck failed"
cmp got want.i > /dev/null || fail "cuckoo-cc -E -o FIFO wrote other bytes than -o FILE"

through_fifo "cuckoo-cc -c" "$CC" -c prog.ck -o out/fifo
[ -s got ] || fail "cuckoo-cc -c -o FIFO wrote nothing"

through_fifo "cuckoo-cc (link)" "$CC" prog.ck -o out/fifo
[ -s got ] || fail "cuckoo-cc -o FIFO (a link) wrote nothing"

"$CC" -c prog.ck -o prog.o || fail "cuckoo-cc -c prog.ck failed"
through_fifo "cuckoo-ld" "$CUCKOO_LD" -o out/fifo prog.o
[ -s got ] || fail "cuckoo-ld -o FIFO wrote nothing"
exit 0
