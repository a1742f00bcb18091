#!/bin/sh
# strip removes the symbol table but not the blocks: a program built from
# cuckoo-cc objects still passes the auditor after strip, and still runs.
. "$srcdir/link/cc-common.sh"
link_prog
strip -o prog.stripped prog || fail strip
readelf -s prog.stripped | grep -q ' sum$' && fail "not stripped"
expect_status 0 "$CUCKOO_OBJCHECK" prog.stripped
$CUCKOO_RUN ./prog.stripped > out; st=$?
[ "$st" = 0 ] || fail "program exited $st"
diff -u "$INPUTS/run.out" out || fail "wrong output"
exit 0
