#!/bin/sh
# What build systems pass works as in gcc (TOOLCHAIN.md "Conventions"):
# -M -MM -save-temps -x cuckoo -dumpversion -dumpmachine -print-prog-name=
# work; -m32 -pipe -no-pie -lm -lpthread -lc -pedantic are accepted and
# change nothing; -std=c99, -m64, -x c, -ffunction-sections are refused
# with a reason (exit 2), never a bare "unrecognized option".
. "$srcdir/driver/common.sh"
expect_status 0 "$CC" -M prog.ck
expect_msg "prog.o: prog.ck"
expect_msg "cuckoo.ckh"
expect_status 0 "$CC" -MM prog.ck
expect_msg "prog.o: prog.ck"
grep -q cuckoo.ckh "$T/.stdout" && fail "-MM listed the system header"
expect_status 0 "$CC" -MM -MT out/p.o -MF p.d prog.ck
grep -q "^out/p.o: prog.ck" p.d || fail "-MM -MT -MF: $(cat p.d)"
[ -e prog.o ] && fail "-M compiled"
expect_status 0 "$CC" -dumpversion
[ -s "$T/.stdout" ] || fail "-dumpversion printed nothing"
expect_status 0 "$CC" -dumpmachine
expect_msg "i386"
expect_status 0 "$CC" -print-prog-name=ld
expect_msg "cuckoo-ld"
expect_status 0 "$CC" -save-temps -c prog.ck
[ -f prog.i ] && [ -f prog.s ] && [ -f prog.o ] || fail "-save-temps: $(ls)"
rm -f prog.i prog.s prog.o
expect_status 0 "$CC" -m32 -pipe -no-pie -pedantic -std=cuckoo -x cuckoo -fwrapv -o prog prog.ck -lm -lpthread -lc
[ -x prog ] || fail "no program"
for bad in -std=c99 -std=gnu11 -ansi -m64 "-x c" -ffunction-sections -fPIE -shared; do
	expect_status 2 "$CC" $bad -c prog.ck
	expect_msg "refused"
	grep -q "unrecognized" "$T/.stderr" && fail "'$bad': a bare unrecognized option"
done
exit 0
