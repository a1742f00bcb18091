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

qpid=
cleanup_hook='[ -n "$qpid" ] && { kill $qpid 2>/dev/null; sleep 1; kill -9 $qpid 2>/dev/null; wait $qpid 2>/dev/null; }'

if [ $mode = qemu ]; then
	# a free port: qemu exits at once when it cannot listen on it
	port=$((20000 + $$ % 20000)) tries=0
	while :; do
		tries=$((tries + 1))
		[ $tries -gt 20 ] && fail "no free port for qemu's gdb stub"
		if command -v ss > /dev/null && ss -ltn | awk '{ print $4 }' | grep -q ":$port\$"; then
			port=$((port + 1)); continue
		fi
		$CUCKOO_RUN -g $port ./prog > prog.out 2> qemu.err &
		qpid=$!
		sleep 1
		kill -0 $qpid 2> /dev/null && break
		cat qemu.err; wait $qpid 2> /dev/null; qpid=
		port=$((port + 1))
	done
	tries=0
	while :; do
		timeout 60 gdb -nx -batch -ex 'set pagination off' -ex 'set confirm off' \
			-ex 'set architecture i386' -ex 'set sysroot /' -ex 'file ./prog' \
			-ex "target remote :$port" \
			-ex "break prog.ck:$brk" -ex continue -ex next -ex next -ex kill \
			> gdb.out 2>&1 < /dev/null
		grep -q 'Connection refused' gdb.out || break
		tries=$((tries + 1))
		[ $tries -gt 10 ] && { cat gdb.out; fail "gdb cannot connect to qemu on port $port"; }
		sleep 1
	done
	# qemu ends once gdb killed the program
	n=0
	while kill -0 $qpid 2> /dev/null && [ $n -lt 10 ]; do sleep 1; n=$((n + 1)); done
else
	timeout 60 gdb -nx -batch -ex 'set pagination off' -ex 'set confirm off' \
		-ex "break prog.ck:$brk" -ex run -ex next -ex next -ex kill ./prog \
		> gdb.out 2>&1 < /dev/null
fi
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
