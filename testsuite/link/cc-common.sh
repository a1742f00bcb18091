# cc-common.sh -- sourced by the tests link/cc-*.sh and objcheck/cc-*.sh.
#
# Unlike common.sh (hand-written assembly), these tests link what the real
# compiler produces: `cuckoo-cc -c` of the small sources in
# link/cc-inputs/.  The harness (testsuite/Makefile.am) exports CUCKOO_CC,
# CUCKOO_LD, CUCKOO_OBJCHECK, CUCKOO_INCLUDE_DIR, CUCKOO_RUNTIME_DIR and
# CUCKOO_RUN; run by hand from the build's testsuite/ directory the
# defaults below find the build.  Everything happens in a temporary
# directory $T, and the tools are run from inside it with relative file
# names, so the expected messages are the exact lines.
set -u
CUCKOO_CC=${CUCKOO_CC:-$(cd ../cc && pwd)/cuckoo-cc}
CUCKOO_LD=${CUCKOO_LD:-$(cd ../tld && pwd)/cuckoo-ld}
CUCKOO_OBJCHECK=${CUCKOO_OBJCHECK:-$(cd ../tld && pwd)/cuckoo-objcheck}
CUCKOO_RUNTIME_DIR=${CUCKOO_RUNTIME_DIR:-$(cd ../rt && pwd)}
CUCKOO_INCLUDE_DIR=${CUCKOO_INCLUDE_DIR:-$(cd "$srcdir/../rt" && pwd)}
if [ -z "${CUCKOO_RUN+set}" ]; then
	CUCKOO_RUN=$(sed -n 's/^CUCKOO_RUN = //p' ../tld/Makefile)
fi
export CUCKOO_RUNTIME_DIR CUCKOO_INCLUDE_DIR
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export ASAN_OPTIONS
INPUTS=$(cd "$srcdir/link/cc-inputs" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/tld-cc-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 99

fail() { echo "FAIL: $*"; exit 1; }

# compile NAME.ck [OBJ]: compile link/cc-inputs/NAME.ck with cuckoo-cc -c into
# $T/OBJ (default NAME.o)
compile() {
	"$CUCKOO_CC" -c "$INPUTS/$1" -o "${2:-${1%.ck}.o}" || fail "cuckoo-cc -c $1"
}

# expect_status N CMD...: CMD exits N; its stdout and stderr are kept
expect_status() {
	want=$1; shift
	"$@" > stdout 2> stderr
	st=$?
	cat stdout stderr
	[ "$st" = "$want" ] || fail "'$*' exited $st, expected $want"
}
# expect_line LINE: LINE is a whole line of the output (stdout or stderr)
expect_line() {
	grep -F -x -e "$1" stdout stderr > /dev/null || fail "no line '$1'"
}
# expect_err LINES: stderr is exactly LINES (a printf %b string)
expect_err() {
	printf '%b\n' "$1" > expected
	diff -u expected stderr || fail "unexpected diagnostics"
}

# mismatch STEM: STEM-main.ck and STEM-lib.ck compile, and their link is
# refused (exit 1) with no output left behind; the caller checks stderr.
mismatch() {
	compile "$1-main.ck" main.o
	compile "$1-lib.ck" lib.o
	expect_status 1 "$CUCKOO_LD" -o prog main.o lib.o
	[ -e prog ] && fail "output left behind"
	ls -a | grep -q cuckoo-ld && fail "temporary file left behind"
	return 0
}

# link_prog: compile run-main.ck, run-vec.ck and run-text.ck and link them
# into $T/prog (the program the objcheck tests change)
link_prog() {
	compile run-main.ck
	compile run-vec.ck
	compile run-text.ck
	expect_status 0 "$CUCKOO_LD" -o prog run-main.o run-vec.o run-text.o
}

# scale_store: objdump's line of prog's first element store in scale(),
# `mov %REG,(%BASE,%INDEX,4)` (three bytes), in $st
scale_store() {
	st=$(objdump -d prog | awk '/<scale>:/ { f = 1 } f && /^$/ { exit }
		f && /mov +%[a-z]+,\(%[a-z]+,%[a-z]+,4\)/ { print; exit }')
	[ -n "$st" ] || fail "no element store in scale()"
}

# accepted_and_runs: p.s (what cuckoo-cc -S wrote) assembles, cuckoo-objcheck
# and cuckoo-ld accept it, and the program exits 0 (its output in stdout)
accepted_and_runs() {
	"${AS:-as}" --32 -o p.o p.s || fail "p.s does not assemble"
	expect_status 0 "$CUCKOO_OBJCHECK" p.o
	expect_status 0 "$CUCKOO_LD" -o p p.o
	expect_status 0 $CUCKOO_RUN ./p
}

# refused_mutant NAME SED WHAT FUNC: p.s edited by SED into m-NAME.s, with
# its states at branch targets dropped (they would name offsets the edit
# moved: the checker then finds the states itself), must assemble and be
# refused by cuckoo-objcheck and by cuckoo-ld, each naming a place in FUNC
# with WHAT, and cuckoo-ld must leave no program behind.  $O, when set,
# names the level in the messages.
refused_mutant() {
	sed -e "$2" -e '/\.ascii "targets /d' -e '/\.ascii "\(at\|reg\|cell\|fact\|init\|nodom\)[ \\]/d' p.s > "m-$1.s"
	cmp -s p.s "m-$1.s" && fail "mutation $1${O:+ $O} changed nothing"
	"${AS:-as}" --32 -o "m-$1.o" "m-$1.s" 2>stderr || fail "mutant $1 does not assemble: $(cat stderr)"
	expect_status 1 "$CUCKOO_OBJCHECK" "m-$1.o"
	grep -q "m-$1.o: $4.*$3" stdout || fail "mutant $1${O:+ $O}: $(cat stdout)"
	expect_status 1 "$CUCKOO_LD" -o "m-$1" "m-$1.o"
	grep -q "m-$1.o: $4.*$3" stderr || fail "cuckoo-ld, mutant $1${O:+ $O}: $(cat stderr)"
	[ -e "m-$1" ] && fail "cuckoo-ld left m-$1 behind"
	return 0
}

# forged_refused REGEX OBJ [OBJ...]: linking the objects is refused by
# cuckoo-ld, which leaves no program and says `cuckoo-ld: error: ` then
# REGEX (an extended regex: `forged\.o: use\+0x[0-9a-f]+: cannot prove`);
# cuckoo-objcheck refuses OBJ, the first, with the same message.
forged_refused() {
	re=$1; shift
	expect_status 1 "$CUCKOO_LD" -o prog "$@"
	[ -e prog ] && fail "cuckoo-ld left a program behind"
	grep -E -q "^cuckoo-ld: error: $re" stderr || fail "cuckoo-ld: not '$re': $(cat stderr)"
	expect_status 1 "$CUCKOO_OBJCHECK" "$1"
	grep -E -q "$re" stdout stderr || fail "cuckoo-objcheck: not '$re': $(cat stdout stderr)"
	return 0
}
