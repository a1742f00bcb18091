#!/bin/sh
# -L/-l: only the members the link pulls in are checked and linked; an
# unused member that would be refused does not matter, a used one does.
. "$srcdir/link/common.sh"
main_calls_sum 'f(i32;p(a(k(i32))))'
lib_defines_sum 'f(i32;p(a(k(i32))))'
printf '\t.text\n\t.globl junk\n\t.type junk,@function\njunk:\n\tint $0x80\n\tret\n\t.size junk,.-junk\n' > "$T/junk.s"
$AS --32 -o "$T/junk.o" "$T/junk.s" || fail as
mkdir "$T/lib"
ar cr "$T/lib/libsum.a" "$T/lib.o" "$T/junk.o" || fail ar
expect_status 0 $LD --verbose -o "$T/prog" "$T/main.o" -L "$T/lib" -lsum
expect_msg "pulling $T/lib/libsum.a(lib.o) from its archive for 'sum'"
readelf -p .cuckoo.types "$T/prog" | grep -q "libsum.a(lib.o) cuckoo" || fail "member not recorded"
readelf -p .cuckoo.types "$T/prog" | grep -q "junk" && fail "unused member recorded"
$CUCKOO_RUN "$T/prog"; st=$?
[ "$st" = 42 ] || fail "program exited $st"
ar cr "$T/lib/libbad.a" "$T/junk.o" || fail ar
{ func __cuckoo_main 24 '\tcall junk\n\tleave\n\tret'
  block main2 "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\nref func junk f(v;)\n$TRAPREF"; } > "$T/main2.body"
obj main2
expect_status 1 $LD -o "$T/prog2" "$T/main2.o" -L "$T/lib" -lbad
expect_msg "libbad.a(junk.o): not produced by cuckoo-cc"
expect_status 1 $LD -o "$T/prog2" "$T/main2.o" -L "$T/lib" -lnothere
expect_msg "cannot find -lnothere"
exit 0
