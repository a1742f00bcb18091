#!/bin/sh
# cuckoo-ld and cuckoo-objcheck follow the exit-status convention:
# --help and --version exit 0 (on stdout); an unknown option, a missing
# option argument or no input at all is bad usage: exit 2, with a message
# on stderr, and nothing on stdout.  The three tools' --version agree.
. "$srcdir/driver/common.sh"
for tool in "$CUCKOO_LD" "$OBJCHECK"; do
	name=${tool##*/}
	[ -x "$tool" ] || fail "no $name at $tool"
	expect_usage_ok "$tool" "$name"
	expect_status 2 "$tool" --no-such-option prog.o
	expect_msg "$name: error:"
	expect_msg "--no-such-option"
	[ -s .stdout ] && fail "$name printed its usage error on stdout"
	expect_status 2 "$tool"
	expect_msg "$name: error:"
	expect_msg "no input files"
done
# one version line for the three tools
v1=$("$CC" --version | head -n 1 | sed 's/^[^ ]* //')
for tool in "$CUCKOO_LD" "$OBJCHECK"; do
	v=$("$tool" --version | head -n 1 | sed 's/^[^ ]* //')
	[ "$v" = "$v1" ] || fail "${tool##*/} --version says '$v', cuckoo-cc '$v1'"
done
expect_status 2 "$CUCKOO_LD" -o
expect_msg "cuckoo-ld: error:"
expect_status 2 "$CUCKOO_LD" -shared -o prog prog.o
expect_msg "cuckoo-ld: error:"
[ -e prog ] && fail "cuckoo-ld -shared wrote prog"
exit 0
