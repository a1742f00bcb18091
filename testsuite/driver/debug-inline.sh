#!/bin/sh
# -O2 inlines small static functions; -g still shows them to gdb as
# functions (DW_TAG_inlined_subroutine): against debug-inline-prog.ck, a
# scripted gdb session checks that `break scale` stops in the copy of
# scale inlined into twice inlined into main's loop, that `bt` shows
# scale, twice and main with the lines of the calls, that `up` reaches
# twice's and main's variables, that `next` and `finish` work in a copy
# and `step` goes into one, that a copy's parameters and locals have
# their names (and, when shown, the right values) in every iteration,
# that a copy's array in the frame shows (and of its two loops' i only
# the one whose loop it is in: the callee's blocks in the copy), that
# `break pair` stops in every iteration of a loop out of which licm
# moved the copy's first computation (the copy's entry stays in the
# loop), that a parameter passed a constant is not shown as that
# constant once assigned, and that the backtrace from a runtime error in
# a copy shows the copy (with its static variable) and its caller.  With
# CUCKOO_RUN=qemu-i386 the program runs under `qemu-i386 -g PORT` and
# gdb attaches with `target remote`; with CUCKOO_RUN empty gdb runs it.
# Skipped (77) only without gdb.
. "$srcdir/driver/common.sh"
command -v gdb > /dev/null || { echo "SKIP: no gdb"; exit 77; }
case ${CUCKOO_RUN:-} in
'') mode=native ;;
*qemu-i386*) mode=qemu ;;
*) fail "CUCKOO_RUN='$CUCKOO_RUN' is neither empty nor qemu-i386: no way to debug" ;;
esac
cp "$srcdir/driver/debug-inline-prog.ck" debug-inline.ck && chmod u+w debug-inline.ck || exit 99
line() { grep -n -F -e "$1" debug-inline.ck | sed 's/:.*//;q'; }
L_SCALE=$(line LINE-SCALE) L_SINK=$(line LINE-SINK) L_NESTED=$(line LINE-NESTED) L_RET=$(line LINE-RET)
L_SUM=$(line LINE-SUM) L_CALL=$(line LINE-CALL) L_CALL3=$(line LINE-CALL3)
L_TRAP=$(line LINE-TRAP) L_CALLP=$(line LINE-CALLP) L_PAIR=$(line LINE-PAIR)
L_CALLPAIR=$(line LINE-INLOOP) L_BUMP=$(line LINE-BUMP)

# the premise: -O2 leaves no call of the six
expect_status 0 "$CC" -O2 -g -S -o prog.s debug-inline.ck
grep -E 'call[[:space:]]+(scale|twice|sum3|pair|bump|pick)$' prog.s && fail "-O2 did not inline scale, twice, sum3, pair, bump and pick"
expect_status 0 "$CC" -O2 -g -o prog debug-inline.ck
# the debugging sections pass the linker's and the auditor's rules
expect_status 0 "$OBJCHECK" prog

# the session: START becomes `run`, or `continue` after `target remote`
cat > session.gdb <<EOF2
break scale
break debug-inline.ck:$L_SUM
break __cuckoo_trap
break pair
break debug-inline.ck:$L_BUMP
START
echo @@ bump\n
info args
delete 5
continue
echo @@ first\n
bt
info args
info locals
next
echo @@ next\n
p r
info locals
echo @@ up\n
up
info args
p x
echo @@ main\n
up
p i
down
down
echo @@ finish\n
finish
continue
echo @@ second\n
bt
info args
delete 1
break debug-inline.ck:$L_CALL
continue
echo @@ step\n
step
step
bt
delete 6
continue
echo @@ sum3\n
bt
info args
info locals
delete 2
continue
continue
echo @@ pair\n
bt
info args
info locals
delete 4
continue
echo @@ trap\n
bt
echo @@ static\n
frame 1
p calls
kill
EOF2

gdb_session session.gdb gdb.out 13
cat gdb.out

# has FILE ERE WHAT: FILE has a line matching ERE
has() { grep -q -E -e "$2" "$1" || { cat gdb.out; fail "$3 (no line matching '$2')"; }; }
# section NAME: the lines after `@@ NAME` up to the next @@
section() { awk -v s="@@ $1" '$0 == s { on = 1; next } /^@@ / { on = 0 } on' gdb.out > sec.txt; }
f='debug-inline\.ck'
# gdb shows an inlined frame without an address, a called one with it
at='(0x[0-9a-f]+ in )?'

# bump(3) assigns n = 3 * 1 + 1 before the line: the argument 3 is not its value there
section bump
has sec.txt '^n = (4|<optimized out>)$' "bump's n after its assignment"
# break scale: the copies (scale's own code is never run), and the stop in the first
has gdb.out "^Breakpoint 1 at 0x[0-9a-f]+: scale\. \([0-9]+ locations\)\$" "break scale finds no copy of scale"
has gdb.out "^Breakpoint 1(\.[0-9]+)?, scale \(v=5, by=2\) at $f:$L_SCALE\$" "no stop in the inlined scale"
section first
has sec.txt "^#0  scale \(v=5, by=2\) at $f:$L_SCALE\$" "bt: frame 0 is not scale"
has sec.txt "^#1  ${at}twice \(x=5\) at $f:$L_NESTED\$" "bt: frame 1 is not twice at its call of scale"
has sec.txt "^#2  ${at}main \(\) at $f:$L_CALL\$" "bt: frame 2 is not main at its call of twice"
has sec.txt '^v = 5$' "info args: v"
has sec.txt '^by = 2$' "info args: by"
has sec.txt '^r = ' "info locals: r"
# next stays in the copy; r is known after its line
section next
has gdb.out "^$L_SINK[[:space:]].*LINE-SINK" "next in scale did not go to line $L_SINK"
has sec.txt '^\$[0-9]+ = (10|<optimized out>)$' "p r after its assignment"
has sec.txt '^r = (10|<optimized out>)$' "info locals: r after its assignment"
section up
has sec.txt "^#1  ${at}twice \(x=5\) at $f:$L_NESTED\$" "up: not twice"
has sec.txt '^x = 5$' "info args in twice"
has sec.txt '^\$[0-9]+ = 5$' "p x in twice"
section main
has sec.txt "^#2  ${at}main \(\) at $f:$L_CALL\$" "up: not main"
has sec.txt '^\$[0-9]+ = (0|<optimized out>)$' "p i in main"
# finish leaves the copy of scale for twice, after the call
section finish
has sec.txt "^${at}twice \(x=5\) at $f:($L_NESTED|$L_RET)\$" "finish did not return to twice"
# the second iteration: the same copy, with its new values
has gdb.out "^Breakpoint 1(\.[0-9]+)?, scale \(v=6, by=2\) at $f:$L_SCALE\$" "no stop in the second call of scale"
section second
has sec.txt "^#1  ${at}twice \(x=6\) at $f:$L_NESTED\$" "bt: twice in the second iteration"
has sec.txt '^v = 6$' "info args: v in the second iteration"
# step from main's line into the third iteration's twice, then scale
has gdb.out "^Breakpoint 6, main \(\) at $f:$L_CALL\$" "no stop at main's line $L_CALL"
section step
has sec.txt "^twice \(x=7\) at $f:$L_NESTED\$" "step did not enter the inlined twice"
has sec.txt "^scale \(v=7, by=2\) at $f:$L_SCALE\$" "step did not enter the inlined scale"
has sec.txt "^#1  ${at}twice \(x=7\) at $f:$L_NESTED\$" "bt after step: frame 1 is not twice"
has sec.txt "^#2  ${at}main \(\) at $f:$L_CALL\$" "bt after step: frame 2 is not main"
# sum3's copy: its array in the caller's frame, its loop's i
section sum3
has sec.txt "^#0  sum3 \(a=4, b=9\) at $f:$L_SUM\$" "bt: frame 0 is not sum3"
has sec.txt "^#1  ${at}main \(\) at $f:$L_CALL3\$" "bt: frame 1 is not main at its call of sum3"
has sec.txt '^a = 4$' "info args: a"
has sec.txt '^b = 9$' "info args: b"
has sec.txt '^buf = \{4, 9, 13\}$' "info locals: buf"
has sec.txt '^s = (-1|<optimized out>)$' "info locals: s"
has sec.txt '^i = (0|<optimized out>)$' "info locals: the second loop's i"
[ "$(grep -c '^i = ' sec.txt)" = 1 ] || { cat gdb.out; fail "info locals in sum3 shows the first loop's i too"; }
# pair: the second iteration's stop, in the loop
has gdb.out "^Breakpoint 4(\.[0-9]+)?, pair \(j=(3|<optimized out>), k=0\) at $f:$L_PAIR\$" "no stop in the first iteration's pair"
section pair
has sec.txt "^#0  pair \(j=(3|<optimized out>), k=1\) at $f:$L_PAIR\$" "bt: frame 0 is not the second iteration's pair"
has sec.txt "^#1  ${at}main \(\) at $f:$L_CALLPAIR\$" "bt: frame 1 is not main at its call of pair"
has sec.txt '^s = (1|<optimized out>)$' "info locals: s"
# the runtime error in pick's copy: the check's line, then the call's
section trap
has sec.txt '^#0  __cuckoo_trap ' "the trap is not frame 0"
has sec.txt "^#1  ${at}pick \(p=.*, k=7\) at $f:$L_TRAP\$" "frame 1 is not pick at the failing line"
has sec.txt "^#2  ${at}main \(\) at $f:$L_CALLP\$" "frame 2 is not main at its call of pick"
section static
has sec.txt '^\$[0-9]+ = 41$' "p calls (pick's static variable) in pick's frame"
exit 0
