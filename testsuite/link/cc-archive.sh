#!/bin/sh
# An archive of cuckoo-cc objects, linked with -L/-l: only the member the
# program needs is pulled in, so another member whose declaration of sum
# has the wrong type does not matter -- until a program needs it.
. "$srcdir/link/cc-common.sh"
compile arch-main.ck main.o
compile arch-main2.ck main2.o
compile arch-sum.ck sum.o
compile arch-bad.ck bad.o
mkdir lib && ar rcs lib/libfoo.a sum.o bad.o || fail ar
expect_status 0 "$CUCKOO_LD" --verbose -o prog main.o -L lib -lfoo
expect_line "cuckoo-ld: -lfoo: found lib/libfoo.a"
expect_line "cuckoo-ld: pulling lib/libfoo.a(sum.o) from its archive for 'sum'"
grep -F 'libfoo.a(bad.o)' stderr && fail "bad.o was looked at"
readelf -p .cuckoo.types prog > types || fail readelf
grep -q "input sha256:[0-9a-f]\{64\} lib/libfoo.a(sum.o) cuckoo" types || fail "member not recorded"
grep -q "bad.o" types && fail "unneeded member recorded"
$CUCKOO_RUN ./prog > out; st=$?
[ "$st" = 0 ] || fail "program exited $st"
[ "$(cat out)" = "sum 100" ] || fail "wrong output: $(cat out)"
expect_status 0 "$CUCKOO_OBJCHECK" prog
# needing unused_thing pulls bad.o in, and its sum is checked
expect_status 1 "$CUCKOO_LD" -o prog2 main2.o -Llib -lfoo
[ -e prog2 ] && fail "output left behind"
expect_err "cuckoo-ld: error: type mismatch for 'sum'\n>>> referenced by lib/libfoo.a(bad.o) as int sum(long long)\n>>> defined in lib/libfoo.a(sum.o) as int sum(const int (*)[])"
exit 0
