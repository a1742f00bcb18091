#!/bin/sh
# An object from gcc -m32 is refused; with --trust it links with a
# warning, the linker's block records it (and the unchecked reference into
# it), the program runs, and cuckoo-objcheck warns (an error with --strict).
. "$srcdir/link/cc-common.sh"
command -v gcc > /dev/null || { echo "SKIP: no gcc"; exit 77; }
compile trust-main.ck main.o
gcc -m32 -fno-pie -c -o foreign.o "$INPUTS/trust-foreign.c" || { echo "SKIP: no gcc -m32"; exit 77; }
expect_status 1 "$CUCKOO_LD" -o prog main.o foreign.o
expect_err "cuckoo-ld: error: foreign.o: not produced by cuckoo-cc (no .cuckoo.types section); refusing to link"
[ -e prog ] && fail "output left behind"
expect_status 0 "$CUCKOO_LD" -o prog main.o --trust foreign.o
expect_err "cuckoo-ld: warning: foreign.o: trusted by the user (--trust): linked without checks"
readelf -p .cuckoo.types prog > types || fail readelf
grep -q "input sha256:[0-9a-f]\{64\} foreign.o trusted-by-user\\\\n" types || fail "no trusted input record"
grep -q "unchecked triple foreign.o\\\\n" types || fail "no unchecked record"
$CUCKOO_RUN ./prog > out; st=$?
[ "$st" = 0 ] || fail "program exited $st"
[ "$(cat out)" = "triple 42" ] || fail "wrong output: $(cat out)"
expect_status 0 "$CUCKOO_OBJCHECK" prog
expect_line "cuckoo-objcheck: warning: prog: input foreign.o was linked unchecked (--trust)"
expect_status 1 "$CUCKOO_OBJCHECK" --strict prog
expect_line "cuckoo-objcheck: error: prog: input foreign.o was linked unchecked (--trust)"
exit 0
