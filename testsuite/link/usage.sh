#!/bin/sh
# Options that would bypass the checks are bad usage (exit 2), and so is
# -shared; --help and --version work.
. "$srcdir/link/common.sh"
main_calls_sum 'f(i32;p(a(k(i32))))'
lib_defines_sum 'f(i32;p(a(k(i32))))'
for opt in -shared -T --defsym=x=1 --wrap=sum --allow-multiple-definition -pie -r; do
	expect_status 2 $LD $opt -o "$T/prog" "$T/main.o" "$T/lib.o"
	[ -e "$T/prog" ] && fail "output written with $opt"
done
expect_status 2 $LD -o "$T/prog"
expect_msg "no input files"
expect_status 0 $LD --help
expect_msg "Usage: cuckoo-ld"
expect_status 0 $LD --version
expect_msg "cuckoo-ld (Cuckoo)"
exit 0
