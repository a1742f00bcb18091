#!/bin/sh
# -g gives gdb what TOOLCHAIN.md "Conventions" promises: a scripted gdb
# session against debug-vars-prog.ck (built at -O0 and at -O2) checks
# `break main` (the user's main, one location), the parameters of a
# function and `*p` of its T (*)[] parameter (bounds from the length
# word), the second of two loops' `i` (lexical blocks), `info locals`, an
# array, a struct, a union, an enum, a typedef, `ptype struct packet`,
# globals (an array of arrays too), a static local, and a backtrace from
# a runtime error (a break on __cuckoo_trap) that shows the failing line
# and its caller's.  At -O2 a variable may be <optimized out>, but a
# value shown must be the right one.  With CUCKOO_RUN=qemu-i386 the
# program runs under `qemu-i386 -g PORT` and gdb attaches with `target
# remote`; with CUCKOO_RUN empty gdb runs it.  Skipped (77) only without
# gdb.
. "$srcdir/driver/common.sh"
command -v gdb > /dev/null || { echo "SKIP: no gdb"; exit 77; }
case ${CUCKOO_RUN:-} in
'') mode=native ;;
*qemu-i386*) mode=qemu ;;
*) fail "CUCKOO_RUN='$CUCKOO_RUN' is neither empty nor qemu-i386: no way to debug" ;;
esac
cp "$srcdir/driver/debug-vars-prog.ck" debug-vars.ck && chmod u+w debug-vars.ck || exit 99
line() { grep -n -F -e "$1" debug-vars.ck | sed 's/:.*//;q'; }
L_MAIN=$(line LINE-MAIN) L_SUM=$(line LINE-CHECKSUM) L_LOCALS=$(line LINE-LOCALS)
L_TRAP=$(line LINE-TRAP) L_CALL=$(line LINE-CALL) L_LOOP2=$(line LINE-LOOP2)

# the session: START becomes `run`, or `continue` after `target remote`
cat > session.gdb <<EOF
break main
break debug-vars.ck:$L_LOCALS
break checksum
break __cuckoo_trap
break debug-vars.ck:$L_LOOP2
START
continue
echo @@ checksum\n
p *p
p (*p)[3]
p n
p sizeof(*p)
continue
echo @@ loop2\n
p i
p j
info locals
delete 5
continue
echo @@ locals\n
info locals
echo @@ prints\n
p arr
p arr[2]
p pk
p *pk.next
p w
p *heap
p (*heap)[4]
p table
p table[2][1]
p counter
whatis counter
ptype struct packet
ptype byte
ptype union word
ptype enum state
continue
echo @@ trap\n
bt
echo @@ static\n
frame 1
p calls
echo @@ caller\n
frame 2
p k
kill
EOF

# run_session LEVEL: builds prog at LEVEL and writes gdb's output to gdb-LEVEL.out
run_session() {
	expect_status 0 "$CC" -g "$1" -o prog debug-vars.ck
	# the debugging sections pass the linker's and the auditor's rules
	expect_status 0 "$OBJCHECK" prog
	gdb_session session.gdb gdb$1.out $((${#1} * 7))
}

# has OUT ERE WHAT: OUT has a line matching ERE
has() { grep -q -E -e "$2" "$1" || { cat "$1"; fail "$1: $3 (no line matching '$2')"; }; }
# section OUT NAME: the lines after `@@ NAME` up to the next @@
section() { awk -v s="@@ $2" '$0 == s { on = 1; next } /^@@ / { on = 0 } on' "$1"; }
# value OUT NAME ERE: `NAME = VALUE` in info locals, VALUE matching ERE
value() {
	v=$(section "$1" locals | sed -n "s/^$2 = //p")
	printf '%s\n' "$v" | grep -q -x -E -e "$3" || { cat "$1"; fail "$1: info locals shows $2 = '$v', expected '$3'"; }
}

for level in -O0 -O2; do
	run_session $level
	o=gdb$level.out
	cat "$o"
	# break main: the user's main only, under its name, at its line
	has "$o" "^Breakpoint 1 at 0x[0-9a-f]+: file debug-vars\.ck, line $L_MAIN\.\$" "break main is not the user's main alone"
	has "$o" "^Breakpoint 1, main \(\) at debug-vars\.ck:$L_MAIN\$" "the program did not stop in main"
	grep -q '__cuckoo_main' "$o" && { cat "$o"; fail "$o: gdb shows the symbol __cuckoo_main"; }
	# a function's parameters, after its prologue; *p of a T (*)[]
	has "$o" "^Breakpoint 3, checksum \(p=0x[0-9a-f]+, n=4\) at debug-vars\.ck:$L_SUM\$" "wrong parameters at checksum"
	section "$o" checksum > c.txt
	has c.txt '^\$[0-9]+ = \{10, 20, 30, 40\}$' "*p of a T (*)[] is not the array"
	has c.txt '^\$[0-9]+ = 40$' "(*p)[3]"
	has c.txt '^\$[0-9]+ = 4$' "n"
	has c.txt '^\$[0-9]+ = 16$' "sizeof(*p): 4 elements of 4 bytes"
	# the second of two loops' i (lexical blocks), and the inner block's j
	has "$o" "^Breakpoint 5, twice \(n=3\) at debug-vars\.ck:$L_LOOP2\$" "no stop in the second loop"
	section "$o" loop2 > l.txt
	if [ $level = -O0 ]; then
		has l.txt '^\$[0-9]+ = 100$' "p i in the second loop"
		has l.txt '^\$[0-9]+ = 0$' "p j in the second loop"
		has l.txt '^j = 0$' "info locals: j"
		has l.txt '^i = 100$' "info locals: the second loop's i"
		has l.txt '^s = 4$' "info locals: s"
	else
		has l.txt '^\$[0-9]+ = (100|<optimized out>)$' "p i in the second loop"
	fi
	grep -q '^i = [0-9]' l.txt && ! grep -q '^i = 100$' l.txt && fail "$o: the first loop's i shown in the second"
	# info locals: right, or (at -O2 only) <optimized out>
	has "$o" "^Breakpoint 2, main \(\) at debug-vars\.ck:$L_LOCALS\$" "no stop at line $L_LOCALS"
	opt='|<optimized out>'
	[ $level = -O0 ] && opt=
	value "$o" arr '\{10, 20, 30, 40\}'
	value "$o" pk '\{id = 3, name = "abc\\000\\000\\000\\000", bytes = "\\t\\b\\a", st = IDLE, next = 0x[0-9a-f]+ <first>\}'
	value "$o" w '\{i = 16909060, h = 772\}'
	value "$o" total "611$opt"
	value "$o" big "1234567890123$opt"
	value "$o" ratio "0\.5$opt"
	value "$o" heap "0x[0-9a-f]+$opt"
	# k is assigned after this line: not yet live
	value "$o" k '<optimized out>'
	section "$o" prints > p.txt
	for v in '\{10, 20, 30, 40\}' 30 \
		'\{id = 3, name = "abc\\000\\000\\000\\000", bytes = "\\t\\b\\a", st = IDLE, next = 0x[0-9a-f]+ <first>\}' \
		'\{id = 7, name = "first\\000\\000", bytes = "\\001\\002\\003", st = BUSY, next = 0x0\}' \
		'\{i = 16909060, h = 772\}' '\{0, 0, 0, 0, 99\}' 99 \
		'\{\{1, 2\}, \{3, 4\}, \{5, 6\}\}' 6 652; do
		has p.txt "^\\\$[0-9]+ = $v\$" "a print"
	done
	has p.txt '^type = int$' "whatis counter"
	has p.txt '^type = struct packet \{$' "ptype struct packet"
	for m in 'int id;' 'char name\[8\];' 'unsigned char bytes\[3\];' 'enum state st;' 'struct packet \*next;'; do
		has p.txt "^    $m\$" "ptype struct packet: member $m"
	done
	has p.txt '^type = unsigned char$' "ptype byte (a typedef)"
	has p.txt '^type = union word \{$' "ptype union word"
	has p.txt '^type = enum state \{IDLE, BUSY = 4\}$' "ptype enum state"
	# the runtime error: the check's line, then its caller's
	section "$o" trap > t.txt
	has t.txt '^#0  __cuckoo_trap ' "the trap is not frame 0"
	has t.txt "^#1  0x[0-9a-f]+ in pick \(p=0x[0-9a-f]+, k=7\) at debug-vars\.ck:$L_TRAP\$" "frame 1 is not the failing line"
	has t.txt "^#2  0x[0-9a-f]+ in main \(\) at debug-vars\.ck:$L_CALL\$" "frame 2 is not the call's line"
	# pick's static variable, in pick's frame
	section "$o" static > st.txt
	has st.txt '^\$[0-9]+ = 41$' "p calls (a static local) in pick's frame"
	section "$o" caller > t.txt
	if [ $level = -O0 ]; then
		has t.txt '^\$[0-9]+ = 7$' "p k in main's frame"
	else
		has t.txt '^\$[0-9]+ = (7|<optimized out>)$' "p k in main's frame"
	fi
done
exit 0
