#!/bin/sh
# Frames near and past 2^31 - 1 bytes (LANGUAGE.md §10).
#
# What is tested: a frame past the limit is refused by -S and -c too (exit
# 1, no output written), not only by -fsyntax-only; a frame just below it
# compiles, and its stack check tests an N that covers it, written as the
# unsigned 32-bit number it is (no wrap-around to a small or negative N).
. "$srcdir/driver/common.sh"
printf 'int f(void) {\n  char a[2000000000];\n  char b[2000000000];\n  a[1] = 1;\n  b[1] = 2;\n  return a[1] + b[1];\n}\n' > over.ck
for mode in -S -c; do
	expect_status 1 "$CC" $mode over.ck -o over.out
	expect_msg "over.ck:1:5: error: the frame of 'f'"
	[ -e over.out ] && fail "$mode wrote over.out for a frame that is too large"
done
printf 'static int g(void) {\n  char a[1000000000];\n  a[2] = 3;\n  return a[2];\n}\nint f(void) {\n  char b[1000000000];\n  b[1] = 1;\n  return b[1] + g();\n}\n' > under.ck
expect_status 0 "$CC" -S under.ck -o under.s
n=$(sed -n 's/^[[:space:]]*\.long \([0-9-]*\)$/\1/p' under.s | head -n 1)
[ -n "$n" ] || fail "no stack check N in under.s"
[ "$n" -ge 2000000016 ] && [ "$n" -le 2147483647 ] ||
	fail "the stack check of f tests N = $n, not between 2000000016 and 2^31 - 1"
exit 0
