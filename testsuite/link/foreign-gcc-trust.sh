#!/bin/sh
# A gcc -m32 object is refused; with --trust it links with a warning, and
# the linker's block records it and the unchecked reference.
. "$srcdir/link/common.sh"
command -v gcc > /dev/null || { echo "SKIP: no gcc"; exit 77; }
main_calls_sum 'f(i32;p(a(k(i32))))'
printf 'int sum(const int *a) { (void)a; return 42; }\n' > "$T/foreign.c"
gcc -m32 -fno-pie -c -o "$T/foreign.o" "$T/foreign.c" || fail "gcc -m32"
expect_status 1 $LD -o "$T/prog" "$T/main.o" "$T/foreign.o"
expect_msg "$T/foreign.o: not produced by cuckoo-cc (no .cuckoo.types section); refusing to link"
expect_status 0 $LD -o "$T/prog" "$T/main.o" --trust "$T/foreign.o"
expect_msg "cuckoo-ld: warning: $T/foreign.o: trusted by the user (--trust)"
readelf -p .cuckoo.types "$T/prog" > "$T/types"
grep -q "input sha256:[0-9a-f]* $T/foreign.o trusted-by-user" "$T/types" || fail "no trusted input record"
grep -q "unchecked sum $T/foreign.o" "$T/types" || fail "no unchecked record"
$CUCKOO_RUN "$T/prog"; st=$?
[ "$st" = 42 ] || fail "program exited $st"
expect_status 0 $OBJCHECK "$T/prog"
expect_msg "cuckoo-objcheck: warning: $T/prog: input $T/foreign.o was linked unchecked (--trust)"
expect_status 1 $OBJCHECK --strict "$T/prog"
exit 0
