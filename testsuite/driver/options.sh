#!/bin/sh
# cuckoo-cc's options, as cc's: --help/--version, bad usage (exit 2),
# compile errors (exit 1), -fsyntax-only, -c, -o, -S, -E, -D/-U/-I, and
# the warning and optimisation options.
. "$srcdir/driver/common.sh"

# --help and --version exit 0 and print to stdout
expect_usage_ok "$CC" cuckoo-cc

# bad usage: exit 2, a message, and no output
before=$(listing)
expect_status 2 "$CC" --no-such-option prog.ck
expect_msg "cuckoo-cc: error:"
expect_msg "--no-such-option"
expect_status 2 "$CC" -c -fno-such-flag prog.ck
expect_msg "cuckoo-cc: error:"
expect_status 2 "$CC"
expect_msg "no input files"
expect_status 2 "$CC" -c
expect_msg "no input files"
expect_status 2 "$CC" -shared -o libprog.so prog.ck
expect_msg "cuckoo-cc: error:"
expect_status 2 "$CC" -c -o
expect_msg "cuckoo-cc: error:"
expect_status 2 "$CC" -c no-such-file.ck
expect_msg "no-such-file.ck"
[ "$(listing)" = "$before" ] || fail "bad usage left files: $(listing)"

# a compile error: exit 1, a GNU-style diagnostic, no output
expect_status 1 "$CC" -c error.ck
expect_msg "error.ck:$(grep -n undeclared_name error.ck | sed "s/:.*//"):"
expect_msg ": error: "
[ -e error.o ] && fail "-c error.ck left error.o"
expect_status 1 "$CC" -S error.ck
[ -e error.s ] && fail "-S error.ck left error.s"
expect_status 1 "$CC" -o error error.ck
[ -e error ] || [ -e a.out ] && fail "a failed link-mode compile left a program"
expect_status 1 "$CC" -fsyntax-only error.ck

# -fsyntax-only checks and writes nothing
expect_status 0 "$CC" -fsyntax-only prog.ck
[ -s .stdout ] && fail "-fsyntax-only printed something"
[ "$(listing)" = "$before" ] || fail "-fsyntax-only wrote files: $(listing)"

# -c writes the basename with .o in the current directory
mkdir src && cp prog.ck prog.ckh src/
expect_status 0 "$CC" -c src/prog.ck
[ -f prog.o ] || fail "-c src/prog.ck did not write ./prog.o"
[ -e src/prog.o ] && fail "-c src/prog.ck wrote src/prog.o (cc writes ./prog.o)"
readelf -h prog.o | grep -q 'REL (Relocatable file)' || fail "prog.o is not a relocatable object"
readelf -h prog.o | grep -q 'Intel 80386' || fail "prog.o is not i386"
readelf -p .cuckoo.types prog.o | grep -q 'cuckoo-object 1' || fail "prog.o has no .cuckoo.types block"
expect_status 0 "$OBJCHECK" prog.o
rm -f prog.o

# -o, joined and separate
expect_status 0 "$CC" -c prog.ck -o out1.o
[ -f out1.o ] || fail "-c -o out1.o wrote no out1.o"
[ -e prog.o ] && fail "-c -o out1.o also wrote prog.o"
expect_status 0 "$CC" -c -oout2.o prog.ck
[ -f out2.o ] || fail "-c -oout2.o wrote no out2.o"
cmp out1.o out2.o || fail "-o FILE and -oFILE give different objects"

# -S: annotated assembly
expect_status 0 "$CC" -S prog.ck
[ -f prog.s ] || fail "-S did not write prog.s"
grep -q '\.section[[:space:]]*\.cuckoo\.types' prog.s || fail "prog.s has no .cuckoo.types section"
grep -q '^[[:space:]]*\.file[[:space:]].*"prog\.ck"' prog.s || fail "prog.s has no .file \"prog.ck\""
grep -q '^[[:space:]]*\.loc[[:space:]]' prog.s || fail "prog.s has no .loc directives"
for marker in LINE-ADD LINE-BREAK LINE-NEXT LINE-PRINT; do
	n=$(lineof $marker)
	# the source line, as a comment, with its number
	text=$(sed -n "${n}p" prog.ck | sed 's/^[[:space:]]*//')
	grep -F -e "$text" prog.s | grep -q "^[[:space:]]*#.*$n" ||
		fail "prog.s has no comment with line $n: $text"
	grep -q "^[[:space:]]*\.loc[[:space:]][[:space:]]*[0-9][0-9]*[[:space:]][[:space:]]*$n\b" prog.s ||
		fail "prog.s has no .loc for line $n"
done
# the comment comes before the line's code: the first .loc of line N follows it
n=$(lineof LINE-NEXT)
awk -v n="$n" '
	/^[[:space:]]*#/ && index($0, "LINE-NEXT") { seen = 1; next }
	$1 == ".loc" && $3 == n { print (seen ? "after" : "before"); exit }
' prog.s | grep -q after || fail "the comment for line $n does not come before its code"
expect_status 0 "$CC" -S prog.ck -o other.s
cmp prog.s other.s || fail "-S -o other.s differs from -S"
as --32 -o prog-as.o prog.s || fail "prog.s does not assemble with GNU as"

# -E: preprocessed text on stdout, or in the -o file
expect_status 0 "$CC" -E prog.ck
grep -q 'add(2, 40)' .stdout || fail "-E did not expand PROG_VALUE from prog.ckh"
grep -q 'LINE-EXTRA' .stdout && fail "-E kept the #ifdef PROG_EXTRA line"
expect_status 0 "$CC" -E prog.ck -o prog.i
grep -q 'add(2, 40)' prog.i || fail "-E -o prog.i did not write the preprocessed text"

# -D, -U and -I reach the preprocessor (joined and separate)
expect_status 0 "$CC" -E -DPROG_EXTRA=5 prog.ck
grep -q 'x = x + 5;' .stdout || fail "-DPROG_EXTRA=5 did not reach the preprocessor"
expect_status 0 "$CC" -E -D PROG_EXTRA=6 prog.ck
grep -q 'x = x + 6;' .stdout || fail "-D PROG_EXTRA=6 did not reach the preprocessor"
expect_status 0 "$CC" -E -DPROG_EXTRA=5 -UPROG_EXTRA prog.ck
grep -q 'LINE-EXTRA' .stdout && fail "-UPROG_EXTRA did not undefine it"
expect_status 0 "$CC" -E -DPROG_EXTRA=5 -U PROG_EXTRA prog.ck
grep -q 'LINE-EXTRA' .stdout && fail "-U PROG_EXTRA did not undefine it"
mkdir inc && printf '#define FROM_INC 1234\n' > inc/only-in-inc.ckh
printf '#include "only-in-inc.ckh"\nint v = FROM_INC;\n' > useinc.ck
expect_status 0 "$CC" -E -Iinc useinc.ck
grep -q 'int v = 1234;' .stdout || fail "-Iinc did not reach the preprocessor"
expect_status 0 "$CC" -E -I inc useinc.ck
grep -q 'int v = 1234;' .stdout || fail "-I inc did not reach the preprocessor"
expect_status 1 "$CC" -E useinc.ck
# -D reaches the compilation too: the extra line gets code
expect_status 0 "$CC" -S -DPROG_EXTRA=5 prog.ck -o extra.s
grep -q "^[[:space:]]*\.loc[[:space:]][[:space:]]*[0-9][0-9]*[[:space:]][[:space:]]*$(lineof LINE-EXTRA)\b" extra.s ||
	fail "-DPROG_EXTRA=5 -S: no code for the #ifdef'd line"

# warning and optimisation options are accepted
for opts in -Wall -Werror "-Wall -Werror" -O0 -O1 -O2 "-O2 -g" -g -g0 -Wextra; do
	expect_status 0 "$CC" $opts -c prog.ck -o opt.o
	[ -f opt.o ] || fail "'$opts' wrote no object"
	rm -f opt.o
done
exit 0
