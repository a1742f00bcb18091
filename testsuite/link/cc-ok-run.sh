#!/bin/sh
# Three separately compiled objects that agree (functions, a struct, data
# defined in one and used in the others, a static helper) link, run with
# the expected output, and pass the auditor.
. "$srcdir/link/cc-common.sh"
compile run-main.ck
compile run-vec.ck
compile run-text.ck
expect_status 0 "$CUCKOO_LD" -o prog run-main.o run-vec.o run-text.o
[ -s stderr ] && fail "diagnostics from a clean link"
[ -x prog ] || fail "no program"
ls -a | grep -q cuckoo-ld && fail "temporary file left behind"
$CUCKOO_RUN ./prog > out; st=$?
[ "$st" = 0 ] || fail "program exited $st"
diff -u "$INPUTS/run.out" out || fail "wrong output"
readelf -p .cuckoo.types prog > types || fail readelf
for f in run-main.o run-vec.o run-text.o; do
	grep -q "input sha256:[0-9a-f]\{64\} $f cuckoo" types || fail "no input record for $f"
done
for fn in __cuckoo_main sum scale manhattan greet absval; do
	grep -q "func 0x[0-9a-f]* 0x[0-9a-f]* $fn\\\\n" types || fail "no func record for $fn"
done
expect_status 0 "$CUCKOO_OBJCHECK" prog
exit 0
