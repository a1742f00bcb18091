#!/bin/sh
# What real builds feed the compiler through the preprocessor: functions in
# #included files and after #line, odd file names, and #line names that are
# not regular files.
#
# What is tested: a function defined in an #included file, and one after a
# #line naming another file, assemble (`as` rejected a .loc that came before
# the .file giving its number), also with -g; a source file or #line name
# holding '"', '\', a newline or a tab assembles; a #line naming /dev/zero,
# a FIFO or /dev/stdin does not make the compiler read for ever or block
# (diagnostics quote lines of regular files only): the error is reported
# and the compiler exits 1 within seconds.
. "$srcdir/driver/common.sh"

mkdir inc
printf 'static int helper(int x) { return x + 1; }\n' > inc/helper.ckh
printf '#include "inc/helper.ckh"\nint use(void) { return helper(1); }\n' > incl.ck
for g in "" -g; do
	expect_status 0 "$CC" $g -c incl.ck -o incl.o
done

printf 'int before(void) { return 1; }\n#line 40 "elsewhere.ck"\nint after(void) { return 2; }\n' > line.ck
for g in "" -g; do
	expect_status 0 "$CC" $g -c line.ck -o line.o
done

# names with a quote, a backslash, a newline, a tab
name='we"ird\name.ck'
printf 'int f(void) { return 3; }\n' > "$name"
expect_status 0 "$CC" -g -c "$name" -o weird.o
printf 'int f(void) { return 4; }\n#line 7 "a\\"b\\\\c\\nd\\te.ck"\nint g(void) { return 5; }\n' > esc.ck
expect_status 0 "$CC" -g -c esc.ck -o esc.o
expect_status 0 "$CC" -S esc.ck -o esc.s
grep -F '"a\"b\\c\012d\011e.ck"' esc.s > /dev/null || fail "the #line name is not written escaped in esc.s"

# #line names that must not be read
mkfifo fifo 2>/dev/null || : > fifo
for target in /dev/zero "$T/fifo" /dev/stdin; do
	printf '#line 1 "%s"\nint main(void) { return undeclared_name; }\n' "$target" > dev.ck
	timeout 30 "$CC" -c dev.ck -o dev.o < /dev/zero > .stdout 2> .stderr
	st=$?
	head -c 2000 .stderr
	[ $st = 124 ] && fail "#line \"$target\": the compiler did not finish in 30 seconds"
	[ $st = 1 ] || fail "#line \"$target\": exit $st, expected 1"
	expect_msg "$target:1:25: error: 'undeclared_name' is undeclared"
done
exit 0
