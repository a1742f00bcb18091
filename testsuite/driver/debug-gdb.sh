#!/bin/sh
# -g makes gdb break on and step through .ck lines: one scripted gdb
# session breaks at prog.ck's LINE-BREAK line, continues to it, and `next`
# goes to LINE-NEXT, then LINE-PRINT.  With CUCKOO_RUN=qemu-i386 the
# program runs under `qemu-i386 -g PORT` and gdb attaches with `target
# remote`; with CUCKOO_RUN empty, gdb runs the program itself.  Skipped
# (77) without gdb, or when CUCKOO_RUN is something else.
. "$srcdir/driver/common.sh"
command -v gdb > /dev/null || { echo "SKIP: no gdb"; exit 77; }
command -v timeout > /dev/null || { echo "SKIP: no timeout(1)"; exit 77; }
case ${CUCKOO_RUN:-} in
'') mode=native ;;
*qemu-i386*) mode=qemu ;;
*) echo "SKIP: CUCKOO_RUN='$CUCKOO_RUN' is neither empty nor qemu-i386"; exit 77 ;;
esac

expect_status 0 "$CC" -g -o prog prog.ck
brk=$(lineof LINE-BREAK) nxt=$(lineof LINE-NEXT) prt=$(lineof LINE-PRINT)

printf 'break prog.ck:%s\nSTART\nnext\nnext\nkill\n' "$brk" > session.gdb
gdb_session session.gdb gdb.out 0
cat gdb.out

grep -q "^Breakpoint 1 at .*: file prog\.ck, line $brk\." gdb.out ||
	fail "gdb did not set a breakpoint at prog.ck:$brk"
grep -q "^Breakpoint 1, .* at prog\.ck:$brk\$" gdb.out ||
	fail "gdb did not stop at the breakpoint at prog.ck:$brk"
grep -q "^$brk[[:space:]].*LINE-BREAK" gdb.out || fail "gdb did not show line $brk's source"
grep -q "^$nxt[[:space:]].*LINE-NEXT" gdb.out || fail "'next' did not go to line $nxt"
grep -q "^$prt[[:space:]].*LINE-PRINT" gdb.out || fail "the second 'next' did not go to line $prt"
# in order: break line, then next, then print
order=$(grep -n -E "^($brk|$nxt|$prt)[[:space:]]" gdb.out | sed 's/^[0-9]*://; s/[[:space:]].*//' | tr '\n' ' ')
[ "$order" = "$brk $nxt $prt " ] || fail "gdb showed the lines in the order '$order'"
exit 0
