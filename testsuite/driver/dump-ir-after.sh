#!/bin/sh
# -fdump-ir-after=PASS: the IR after one pass of the optimiser (cc/pass.c's
# pass list), or after every pass (all); an unknown pass is a usage error
# that names the passes.
#
# What is tested: the dump after licm shows the row address moved out of
# the inner loop (it is inside it after branch-bounds, the pass before);
# -O0 runs no licm, so nothing is printed for it; `all` prints one dump per
# pass that ran, inline included at -O2; a wrong name exits 2 with the list;
# the back end's split-live-ranges dumps once a function at -O1 and up and
# is refused by -fpasses.
. "$srcdir/driver/common.sh"
cat > m.ck <<'CK'
static unsigned c[8][8];
void fill(unsigned v)
{
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++)
            c[i][j] = v;
}
static int twice(int x) { return x + x; }
int use(int x) { return twice(x) + 1; }
CK
expect_status 0 "$CC" -O2 -fdump-ir-after=branch-bounds m.ck
cp .stdout before.txt
expect_status 0 "$CC" -O2 -fdump-ir-after=licm m.ck
cp .stdout after.txt
# three functions, and `use` once more after `twice` is inlined into it
[ "$(grep -c '^; after licm$' after.txt)" = 4 ] || fail "-fdump-ir-after=licm did not print after each run of licm"
grep -q '^; after ' before.txt || fail "no dump after branch-bounds"
# the block of the lea: the inner loop's body before, the preheader after
inner_before=$(awk '/^  b[0-9]+:/{b=$1} /lea \[\$c/{print b}' before.txt)
inner_after=$(awk '/^  b[0-9]+:/{b=$1} /lea \[\$c/{print b}' after.txt)
[ -n "$inner_before" ] && [ -n "$inner_after" ] || fail "no lea of c in the dumps"
[ "$inner_before" != "$inner_after" ] || fail "licm left the row address in $inner_after"
expect_status 0 "$CC" -O0 -fdump-ir-after=licm m.ck
[ -s .stdout ] && fail "-O0 printed a dump after licm, which it does not run"
expect_status 0 "$CC" -O2 -fdump-ir-after=all m.ck
grep -q '^; after inline$' .stdout || fail "-fdump-ir-after=all printed nothing after inline"
n=$(grep -c '^; after ' .stdout)
[ "$n" -ge 28 ] || fail "-fdump-ir-after=all printed $n dumps, not one per pass and function"
expect_status 2 "$CC" -O2 -fdump-ir-after=nope m.ck
expect_msg "no pass named 'nope' (the passes: sccp, simplify-cfg"
# the back end's split (mach/split.c): one dump per function at -O1 and
# up, none at -O0; named in the list, but never a pass -fpasses may run
expect_status 0 "$CC" -O1 -fdump-ir-after=split-live-ranges m.ck
[ "$(grep -c '^; after split-live-ranges$' .stdout)" = 3 ] || fail "-fdump-ir-after=split-live-ranges did not print each function once"
expect_status 0 "$CC" -O0 -fdump-ir-after=split-live-ranges m.ck
[ -s .stdout ] && fail "-O0 printed a dump after split-live-ranges, which it does not run"
expect_status 2 "$CC" -O2 -fdump-ir-after=nope m.ck
expect_msg ", inline, split-live-ranges; or all)"
expect_status 2 "$CC" -fpasses=licm,split-live-ranges -fdump-ir m.ck
expect_msg "'split-live-ranges' runs in the back end, between its two register allocations, never alone"
exit 0
