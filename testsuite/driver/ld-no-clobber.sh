#!/bin/sh
# cuckoo-ld writes nothing over an input: `cuckoo-ld -o lib.o main.o lib.o`
# (and ./lib.o) is refused, exit 2, and lib.o is unchanged.
. "$srcdir/driver/common.sh"
printf 'int lib_value(void) { return 7; }\n' > lib.ck
expect_status 0 "$CC" -c prog.ck
expect_status 0 "$CC" -c lib.ck
cp lib.o lib.o.orig
for out in lib.o ./lib.o; do
	"$CUCKOO_LD" -o $out prog.o lib.o; st=$?
	cmp lib.o lib.o.orig > /dev/null || fail "cuckoo-ld -o $out prog.o lib.o overwrote its input lib.o (exit $st)"
	[ $st = 2 ] || fail "cuckoo-ld -o $out prog.o lib.o exited $st, expected 2"
done
exit 0
