#!/bin/sh
# Two agreeing Cuckoo objects link, the program runs, and the auditor
# accepts it, before and after strip.
. "$srcdir/link/common.sh"
main_calls_sum 'f(i32;p(a(k(i32))))'
lib_defines_sum 'f(i32;p(a(k(i32))))'
expect_status 0 $LD -o "$T/prog" "$T/main.o" "$T/lib.o"
[ -x "$T/prog" ] || fail "no program"
ls -a "$T" | grep -q cuckoo-ld && fail "temporary file left behind"
$CUCKOO_RUN "$T/prog"; st=$?
[ "$st" = 42 ] || fail "program exited $st, expected 42"
readelf -p .cuckoo.types "$T/prog" | grep -q "cuckoo-linked 1" || fail "no linker block"
readelf -p .cuckoo.types "$T/prog" | grep -q "func 0x[0-9a-f]* 0x[0-9a-f]* sum" || fail "no func record"
expect_status 0 $OBJCHECK "$T/prog"
strip -o "$T/prog.stripped" "$T/prog" || fail strip
expect_status 0 $OBJCHECK "$T/prog.stripped"
exit 0
