#!/bin/sh
# A 1.6 GB zero-initialised global of small arrays costs what its source
# does: -S and -c finish in seconds and write a few kilobytes (its length
# words are written by the start-up code, doc/abi.md), and the object
# passes cuckoo-objcheck.  (The image was built in memory byte by byte and
# written as gigabytes of .byte lines.)
. "$srcdir/driver/common.sh"
cat > huge.ck <<'CK'
struct Small { int a[1]; };
struct Small big[200000000];
int g[10000000][2];
static char names[1000][1000];
int main(void) { return big[3].a[0] + g[5][1] + names[7][9]; }
CK
timeout 60 "$CC" -S huge.ck -o huge.s > .stdout 2> .stderr
st=$?
cat .stderr
[ $st = 0 ] || fail "cuckoo-cc -S huge.ck: exit $st"
size=$(wc -c < huge.s)
[ "$size" -lt 100000 ] || fail "huge.s has $size bytes"
timeout 60 "$CC" -c huge.ck -o huge.o || fail "cuckoo-cc -c huge.ck failed or took more than 60 seconds"
size=$(wc -c < huge.o)
[ "$size" -lt 100000 ] || fail "huge.o has $size bytes"
expect_status 0 "$OBJCHECK" huge.o
exit 0
