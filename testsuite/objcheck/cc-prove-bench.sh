#!/bin/sh
# Every benchmark source, compiled at -O2 as `make bench` does, gives an
# object cuckoo-objcheck accepts: the proof's states cuckoo-cc writes must
# pass the one-pass check (bench/domain-pipeline.ck once did not: a lone
# non-zero integer was left out of a state, and a later state needed it).
# The benchmark pairs are linked by bench/smoke.sh; the sources without a
# C twin (the domain pipeline, the channel ping-pong) are linked only by
# `make bench`, so this is where a refusal of theirs shows in `make check`.
# cc-common.sh moves into a temporary directory: the sources' directory is
# made absolute first (srcdir is relative in a VPATH build).
BENCH=$(cd "$srcdir/bench" && pwd) || exit 99
. "$srcdir/link/cc-common.sh"
n=0
for f in "$BENCH"/*.ck; do
	b=$(basename "$f" .ck)
	"$CUCKOO_CC" -O2 -c -o "$b.o" "$f" 2>stderr || fail "cuckoo-cc -O2 -c $b.ck: $(cat stderr)"
	expect_status 0 "$CUCKOO_OBJCHECK" "$b.o"
	n=$((n + 1))
done
[ "$n" -ge 10 ] || fail "only $n benchmark sources found"
exit 0
