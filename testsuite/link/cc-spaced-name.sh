#!/bin/sh
# Objects and programs whose names have spaces link like any others (the
# GNU linker's map, which cuckoo-ld reads to place each object's sections,
# writes such a name as it is; it was once read up to the first blank,
# and the link stopped with "cannot find where section .text was placed").
# A temporary directory with a space in its name is read the same way.
. "$srcdir/link/cc-common.sh"
compile run-main.ck "my main.o"
compile run-vec.ck "vec tor.o"
compile run-text.ck run-text.o
expect_status 0 "$CUCKOO_LD" -o "my prog" "my main.o" "vec tor.o" run-text.o
[ -s stderr ] && fail "diagnostics from a clean link"
$CUCKOO_RUN "./my prog" > out; st=$?
[ "$st" = 0 ] || fail "program exited $st"
diff -u "$INPUTS/run.out" out || fail "wrong output"
readelf -p .cuckoo.types "my prog" > types || fail readelf
grep -q "func 0x[0-9a-f]* 0x[0-9a-f]* sum\\\\n" types || fail "no func record for sum"
expect_status 0 "$CUCKOO_OBJCHECK" "my prog"
mkdir "tmp dir" || fail "mkdir"
TMPDIR="$T/tmp dir" expect_status 0 "$CUCKOO_LD" -o prog2 "my main.o" "vec tor.o" run-text.o
$CUCKOO_RUN ./prog2 > out2 || fail "prog2 failed"
diff -u "$INPUTS/run.out" out2 || fail "wrong output of prog2"
exit 0
