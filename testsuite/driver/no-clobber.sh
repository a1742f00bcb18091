#!/bin/sh
# Nothing is written over an input, and no half-written output is left.
#
# What is tested: an output that is an input (-o prog.ck, -o ./prog.ck, a
# hard link, -o lib.o when linking lib.o) is refused with exit 2 and the
# input is unchanged.  A compile that fails leaves the output exactly as it
# was: absent if it was absent, and with its old content if it existed
# (gcc deletes an existing output on failure; our rule, "no half-written
# output", is kept by never touching it: outputs are written to a temporary
# file beside them and renamed into place on success).  No temporary file
# is left behind.  -c into a directory that cannot be written exits 2 with a
# message.
. "$srcdir/driver/common.sh"
cp prog.ck prog.ck.orig

# unchanged FILE ORIG: FILE is byte for byte ORIG
unchanged() { cmp "$1" "$2" > /dev/null || fail "$1 was changed"; }
# no_temps: no temporary output (NAME.tmpXXXXXX) left in the directories
no_temps() {
	left=$(find . -name '*.tmp??????' | head -n 1)
	[ -z "$left" ] || fail "temporary file left behind: $left"
}

# the input as the output, spelled in several ways, in each mode
for mode in -S -c -E ""; do
	for out in prog.ck ./prog.ck "$T/prog.ck"; do
		expect_status 2 "$CC" $mode prog.ck -o "$out"
		expect_msg "cuckoo-cc: error:"
		unchanged prog.ck prog.ck.orig
	done
done
ln prog.ck same.ck
expect_status 2 "$CC" -S prog.ck -o same.ck
unchanged prog.ck prog.ck.orig
rm -f same.ck

# an object input as the program output
printf 'int lib_value(void) { return 7; }\n' > lib.ck
expect_status 0 "$CC" -c lib.ck
cp lib.o lib.o.orig
expect_status 2 "$CC" -o lib.o prog.ck lib.o
expect_msg "cuckoo-cc: error:"
unchanged lib.o lib.o.orig
expect_status 2 "$CC" -o ./lib.o prog.ck lib.o
unchanged lib.o lib.o.orig
no_temps

# a failing compile leaves no output where there was none...
for mode in -S -c; do
	expect_status 1 "$CC" $mode error.ck -o err.out
	[ -e err.out ] && fail "failed $mode compile left err.out"
done
expect_status 1 "$CC" -c error.ck
[ -e error.o ] && fail "failed -c left error.o"
expect_status 1 "$CC" -S error.ck
[ -e error.s ] && fail "failed -S left error.s"
expect_status 1 "$CC" -o err.prog error.ck
[ -e err.prog ] && fail "failed compile left a program"
# ...and leaves an existing output untouched
for mode in -S -c; do
	echo "previous output" > err.out
	cp err.out err.out.orig
	expect_status 1 "$CC" $mode error.ck -o err.out
	unchanged err.out err.out.orig
done
echo "previous program" > err.prog
cp err.prog err.prog.orig
expect_status 1 "$CC" -o err.prog error.ck
unchanged err.prog err.prog.orig
# a preprocessing error (a missing header) under -E -o
printf '#include "no-such-header.ckh"\n' > nohdr.ck
echo "previous text" > nohdr.i
cp nohdr.i nohdr.i.orig
expect_status 1 "$CC" -E nohdr.ck -o nohdr.i
unchanged nohdr.i nohdr.i.orig
no_temps

# -c into a directory that cannot be written: exit 2, a message
mkdir ro
chmod a-w ro
if ! touch ro/probe 2> /dev/null; then
	expect_status 2 "$CC" -c prog.ck -o ro/prog.o
	expect_msg "cuckoo-cc: error:"
	expect_msg "ro/prog.o"
	[ -z "$(ls -A ro)" ] || fail "files left in ro/: $(ls -A ro)"
	expect_status 2 "$CC" -S prog.ck -o ro/prog.s
	expect_msg "ro/prog.s"
	(cd ro && expect_status 2 "$CC" -c ../prog.ck) || exit 1
	expect_msg "prog.o"
else
	# root writes anywhere that permissions guard: /proc takes no new files
	rm -f ro/probe
	expect_status 2 "$CC" -c prog.ck -o /proc/cuckoo-driver-test.o
	expect_msg "cuckoo-cc: error:"
	expect_msg "/proc/cuckoo-driver-test.o"
	expect_status 2 "$CC" -S prog.ck -o /proc/cuckoo-driver-test.s
	expect_msg "/proc/cuckoo-driver-test.s"
fi
chmod u+w ro
# an output directory that does not exist
expect_status 2 "$CC" -c prog.ck -o no-such-dir/prog.o
expect_msg "no-such-dir/prog.o"
unchanged prog.ck prog.ck.orig
exit 0
