#!/bin/sh
# mutate/run.sh -- the mutation suite of the proof checker (issue 8; see
# mutate/README.md).  For every line of mutate/mutants.list and at -O0 and
# -O2: compile the program with `cuckoo-cc -S`, apply the named mutation
# to the named function (mutate.awk), assemble the mutant with
# `cuckoo-cc -c`, link it alone with cuckoo-ld and audit it with
# cuckoo-objcheck.  An unsafe mutant passes only if both tools refuse it
# (exit 1) with a message naming the function (`FUNCTION+0x`); a safe one
# may be accepted or refused (counted).  A mutation that finds nothing to
# mutate, a mutant that does not assemble, an unmutated program that a tool
# refuses and a tool that crashes are failures of the suite.
#
# Opt-in while the checker is being written: it is skipped unless
# CUCKOO_MUTATE=1 (`make check-mutate` sets it).  CUCKOO_MUTATE_ONLY=REGEX
# runs only the mutants whose name matches; failing mutants are kept in
# mutate-failures/ of the current directory.
set -u
if [ "${CUCKOO_MUTATE:-0}" != 1 ]; then
	echo "mutation suite not enabled (CUCKOO_MUTATE=1 or make check-mutate)"
	exit 77
fi
srcdir=${srcdir:-.}
CUCKOO_CC=${CUCKOO_CC:-$(cd ../cc && pwd)/cuckoo-cc}
CUCKOO_LD=${CUCKOO_LD:-$(cd ../tld && pwd)/cuckoo-ld}
CUCKOO_OBJCHECK=${CUCKOO_OBJCHECK:-$(cd ../tld && pwd)/cuckoo-objcheck}
CUCKOO_RUNTIME_DIR=${CUCKOO_RUNTIME_DIR:-$(cd ../rt && pwd)}
CUCKOO_INCLUDE_DIR=${CUCKOO_INCLUDE_DIR:-$(cd "$srcdir/../rt" && pwd)}
export CUCKOO_RUNTIME_DIR CUCKOO_INCLUDE_DIR
# a sanitizer's report must not pass for a refusal (both exit 1 by default)
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}:exitcode=86
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1}:exitcode=86
export ASAN_OPTIONS UBSAN_OPTIONS
LEVELS=${CUCKOO_MUTATE_LEVELS:--O0 -O2}
DIR=$(cd "$srcdir/mutate" && pwd)
KEEP=$(pwd)/mutate-failures
T=$(mktemp -d "${TMPDIR:-/tmp}/mutate.XXXXXX")
trap 'rm -rf "$T"' EXIT
rm -rf "$KEEP"

failures=0
problem() { echo "FAIL: $*"; failures=$((failures + 1)); }

# assemble IN.s OUT.o: with cuckoo-cc -c (TOOLCHAIN.md: `cuckoo-cc -c x.s`
# makes the object that compiling x.ck did).  A cuckoo-cc that does not
# take .s input yet falls back to the GNU assembler, said once.
assemble() {
	"$CUCKOO_CC" -c "$1" -o "$2" 2> "$T/as.err" && return 0
	if grep -q 'unknown kind of input' "$T/as.err"; then
		[ -n "${said_as:-}" ] || echo "note: cuckoo-cc -c does not take .s input; assembling with as --32"
		said_as=1
		as --32 -o "$2" "$1" 2> "$T/as.err" && return 0
	fi
	cat "$T/as.err"
	return 1
}

# verdict TOOL FUNC: what the last run of TOOL ($T/out, status $st) said
# about function FUNC: accepted, refused (naming FUNC+0x), refused-elsewhere,
# or crash(STATUS) for anything but 0 and 1, and for a sanitizer's report
verdict() {
	grep -E -q 'Sanitizer|runtime error:' "$T/out" && st="$st, sanitizer"
	case $st in
	0) echo accepted ;;
	1)	case $2 in __cuckoo_main) pat='__cuckoo_main|main' ;; *) pat=$2 ;; esac
		if grep -E -q "(^|[^A-Za-z0-9_.])($pat)\+0x[0-9a-f]+" "$T/out"; then echo refused
		else echo refused-elsewhere; fi ;;
	*) echo "crash($st)" ;;
	esac
}

CATALOGUE=$(awk -f "$DIR/mutate.awk" -v list=1 < /dev/null)
class_of() { printf '%s\n' "$CATALOGUE" | awk -v m="${1%%:*}" '$1 == m { print $2 }'; }

# the unmutated programs: compiled once per level, and accepted by both tools
for src in "$DIR"/*.ck; do
	p=$(basename "$src" .ck)
	for lvl in $LEVELS; do
		s="$T/$p$lvl.s"
		(cd "$DIR" && "$CUCKOO_CC" $lvl -S "$p.ck" -o "$s") || { problem "$p $lvl: cuckoo-cc -S"; continue; }
		assemble "$s" "$T/$p$lvl.o" || { problem "$p $lvl: the unmutated program does not assemble"; continue; }
		"$CUCKOO_LD" -o "$T/prog" "$T/$p$lvl.o" > "$T/out" 2>&1 ||
			{ cat "$T/out"; problem "$p $lvl: cuckoo-ld refuses the unmutated program"; }
		"$CUCKOO_OBJCHECK" "$T/$p$lvl.o" > "$T/out" 2>&1 ||
			{ cat "$T/out"; problem "$p $lvl: cuckoo-objcheck refuses the unmutated program"; }
	done
done

printf '%-44s %-6s %-17s %-17s %s\n' MUTANT CLASS CUCKOO-LD CUCKOO-OBJCHECK RESULT
unsafe=0 unsafe_ok=0 safe=0 safe_acc=0 safe_ref=0
# mutants.list: PROGRAM FUNCTION MUTATION[:ARG] [NTH] [safe REASON...]
# -- "safe" marks a mutant that the mutation's class calls unsafe but that
# this program's code keeps safe (a check another one already implies)
grep -v '^[[:space:]]*\(#\|$\)' "$DIR/mutants.list" > "$T/list"
while read -r p fn mut nth why; do
	case $nth in safe*) why="safe $why"; nth= ;; esac
	# "only-O2": the -O0 code has no such place (the -g keep-alive moves
	# -O0's variables to the frame); "only-O0": the optimiser already
	# removed the check the mutation works on
	levels=$LEVELS
	case $nth in only-O[02]) levels=-${nth#only-}; nth= ;; esac
	case $why in only-O[02]*) levels=$(expr "$why" : 'only-\(O[02]\)'); levels=-$levels; why=${why#only-O[02]} ;; esac
	nth=${nth:-1}
	class=$(class_of "$mut")
	case $why in safe*) class=safe ;; esac
	[ -n "$class" ] || { problem "mutants.list: unknown mutation '$mut'"; continue; }
	for lvl in $levels; do
		name="$p.$fn.$mut"; [ "$nth" = 1 ] || name="$name#$nth"; name="$name$lvl"
		if [ -n "${CUCKOO_MUTATE_ONLY:-}" ] && ! printf '%s\n' "$name" | grep -E -q "$CUCKOO_MUTATE_ONLY"; then
			continue
		fi
		m="$T/m.s"
		if ! awk -f "$DIR/mutate.awk" -v mut="$mut" -v fn="$fn" -v nth="$nth" "$T/$p$lvl.s" > "$m" 2> "$T/how"; then
			cat "$T/how"; problem "$name: the mutation does not apply"; continue
		fi
		if ! assemble "$m" "$T/m.o"; then
			problem "$name: the mutant does not assemble"; continue
		fi
		if cmp -s "$T/m.o" "$T/$p$lvl.o"; then
			problem "$name: the mutant is the unmutated object"; continue
		fi
		"$CUCKOO_LD" -o "$T/prog" "$T/m.o" > "$T/out" 2>&1; st=$?
		ld=$(verdict ld "$fn"); cp "$T/out" "$T/ld.out"
		"$CUCKOO_OBJCHECK" "$T/m.o" > "$T/out" 2>&1; st=$?
		oc=$(verdict objcheck "$fn"); cp "$T/out" "$T/oc.out"
		if [ "$class" = unsafe ]; then
			unsafe=$((unsafe + 1))
			if [ "$ld" = refused ] && [ "$oc" = refused ]; then res=ok; unsafe_ok=$((unsafe_ok + 1)); else res=FAIL; fi
		else
			safe=$((safe + 1))
			case "$ld $oc" in
			*crash*) res=FAIL ;;
			"accepted accepted") res=ok; safe_acc=$((safe_acc + 1)) ;;
			accepted*|*accepted) res="ok (the tools disagree)"; safe_ref=$((safe_ref + 1)) ;;
			*) res="ok (refused)"; safe_ref=$((safe_ref + 1)) ;;
			esac
		fi
		printf '%-44s %-6s %-17s %-17s %s\n' "$name" "$class" "$ld" "$oc" "$res"
		if [ "$res" = FAIL ]; then
			failures=$((failures + 1))
			mkdir -p "$KEEP"
			{ cat "$T/how"; echo "--- cuckoo-ld:"; cat "$T/ld.out"; echo "--- cuckoo-objcheck:"; cat "$T/oc.out"; } > "$KEEP/$name.log"
			cp "$m" "$KEEP/$name.s"
		fi
	done
done < "$T/list"

echo "unsafe mutants: $unsafe, refused by both tools naming the function: $unsafe_ok"
echo "safe mutants: $safe, accepted by both: $safe_acc, refused by at least one: $safe_ref"
[ "$failures" = 0 ] || { echo "$failures failure(s); the failing mutants are in $KEEP"; exit 1; }
exit 0
