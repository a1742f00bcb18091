#!/bin/sh
# Several sources in one command, as cc: `-S a.ck b.ck` and `-c a.ck b.ck`
# give each source the same a.s/a.o and b.s/b.o as compiling it alone (one
# source's output never depends on the others on the command line), and
# `cuckoo-cc -o prog a.ck b.ck` links them.
. "$srcdir/driver/common.sh"
cat > lib.ck <<'CK'
#include <cuckoo.ckh>

int lib_twice(int v) {
  printf("lib %d\n", v);
  return v * 2;
}
CK
mkdir alone
for f in prog lib; do
	expect_status 0 "$CC" -S $f.ck -o alone/$f.s
	expect_status 0 "$CC" -c $f.ck -o alone/$f.o
done
status=0
expect_status 0 "$CC" -S prog.ck lib.ck
for f in prog lib; do
	cmp alone/$f.s $f.s > /dev/null || { echo "FAIL: -S prog.ck lib.ck: $f.s differs from -S $f.ck alone"; diff alone/$f.s $f.s | head -n 20; status=1; }
done
expect_status 0 "$CC" -S lib.ck prog.ck
for f in prog lib; do
	cmp alone/$f.s $f.s > /dev/null || { echo "FAIL: -S lib.ck prog.ck: $f.s differs from -S $f.ck alone"; status=1; }
done
"$CC" -c prog.ck lib.ck; st=$?
if [ $st != 0 ]; then
	echo "FAIL: -c prog.ck lib.ck exited $st"; status=1
else
	for f in prog lib; do
		cmp alone/$f.o $f.o > /dev/null || { echo "FAIL: -c prog.ck lib.ck: $f.o differs from -c $f.ck alone"; status=1; }
	done
fi
"$CC" -o prog prog.ck lib.ck; st=$?
[ $st = 0 ] && [ -x prog ] || { echo "FAIL: cuckoo-cc -o prog prog.ck lib.ck exited $st"; status=1; }
# an object and a source together
"$CC" -o prog2 prog.ck alone/lib.o; st=$?
[ $st = 0 ] && [ -x prog2 ] || { echo "FAIL: cuckoo-cc -o prog2 prog.ck alone/lib.o exited $st"; status=1; }
# -o with -c and several sources is bad usage, as in cc
expect_status 2 "$CC" -c prog.ck lib.ck -o both.o
[ -e both.o ] && fail "-c -o both.o with two sources wrote both.o"
exit $status
