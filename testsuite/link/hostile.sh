# hostile.sh -- sourced (after common.sh) by the hostile-object tests of
# issue 8 (link/hostile-*.sh): hand-written objects whose block is
# well-formed while their code is not safe.  TOOLCHAIN.md "Verified
# code": both tools check the machine code itself and refuse with
# `FILE: FUNCTION+0xOFF: cannot prove OPERATION: REASON`.

MAINTYPE='def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))'

# victim NAME BODY [ASM] [RECORDS]: an object whose f(int) has BODY (after
# the frame set-up) and whose main calls f(1); ASM is added after f,
# RECORDS to the block
victim() {
	{ func f 24 "$2"
	  printf '%b' "${3:-}"
	  func __cuckoo_main 24 '\tsubl $8, %esp\n\tpushl $1\n\tcall f\n\taddl $4, %esp\n\tleave\n\tret'
	  block "$1" "def func f f(i32;i32)\n$MAINTYPE\n${4:-}$TRAPREF"; } > "$T/$1.body"
	obj "$1"
}

# refused NAME FUNC [EXTENDED-REGEX]: cuckoo-ld (linking $T/NAME.o alone)
# and cuckoo-objcheck both refuse it, leave no output, and name
# FUNC+0xOFF in the message (and the regex, when given, matches it)
refused() {
	rm -f "$T/prog"
	expect_status 1 $LD -o "$T/prog" "$T/$1.o"
	[ -e "$T/prog" ] && fail "$1: output left behind"
	expect_place "$1" "$2" "${3:-}"
	expect_status 1 $OBJCHECK "$T/$1.o"
	expect_place "$1" "$2" "${3:-}"
}
expect_place() {
	grep -E -q "$1\.o: ?$2\+0x[0-9a-f]+:" "$T/stdout" "$T/stderr" || fail "$1: no message naming $2+0x"
	[ -z "$3" ] || grep -E -q "$1\.o: ?$2\+0x[0-9a-f]+: .*$3" "$T/stdout" "$T/stderr" ||
		fail "$1: no message '$2+0x…: …$3'"
}
