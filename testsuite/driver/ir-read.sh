#!/bin/sh
# Reading IR back (cc/ir/read.c): `cuckoo-cc -fdump-ir F.ir` reads
# -fdump-ir's text, runs the passes on it and prints it; a .ir input is
# refused without -fdump-ir (it lacks the types an object needs);
# -fpasses=LIST runs the passes named, in order; a malformed file is an
# error at its line and column with a caret, exit 1 and nothing printed.
#
# What is tested: the round trip of a lowering and of -O2's IR; a pass
# named by -fpasses changes what it should; each malformed line below is
# refused with its message at its line:column.
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
int use(int x) { return twice(x) / x; }
CK
for flags in -fpasses=none -O2; do
    expect_status 0 "$CC" $flags -fdump-ir m.ck
    cp .stdout m.ir
    expect_status 0 "$CC" -fpasses=none -fdump-ir m.ir
    cmp -s m.ir .stdout || fail "$flags: the IR read back prints differently"
done
# -fpasses: one pass, then two in order
expect_status 0 "$CC" -fpasses=none -fdump-ir m.ck
cp .stdout low.ir
expect_status 0 "$CC" -fpasses=inline -fdump-ir low.ir
grep -q 'call twice' .stdout && fail "-fpasses=inline left the call of twice"
# the loop tests prove c's two checks once the counters are known; the
# same passes in another order do not
expect_status 0 "$CC" -fpasses=simplify-cfg,coalesce,counters,branch-bounds -fdump-ir low.ir
[ "$(grep -c check_bounds low.ir)" = 2 ] || fail "the lowering of fill has not its two bounds checks"
[ "$(grep -c check_bounds .stdout)" = 0 ] || fail "-fpasses=...,branch-bounds left a bounds check"
expect_status 0 "$CC" -fpasses=branch-bounds,simplify-cfg,coalesce,counters -fdump-ir low.ir
[ "$(grep -c check_bounds .stdout)" = 2 ] || fail "-fpasses did not run its passes in the order given"
expect_status 2 "$CC" -fpasses=nope -fdump-ir low.ir
expect_msg "no pass named 'nope'"
expect_status 2 "$CC" -fpasses= -fdump-ir low.ir
# .ir only with -fdump-ir
expect_status 1 "$CC" -c low.ir
expect_msg "IR input is only read with -fdump-ir"
[ -e low.o ] && fail "an object was written from IR"

# bad LINE WHAT CONTENT: a file whose last line is CONTENT must be refused
# at line LINE with the message WHAT
bad() {
    printf 'function f -> i32\n  b0:\n%s\n' "$3" > bad.ir
    expect_status 1 "$CC" -fdump-ir bad.ir
    expect_msg "bad.ir:$1: error: $2"
    [ -s .stdout ] && fail "output printed for a bad file ($3)"
    grep -q '\^' .stderr || fail "no caret under the error ($3)"
}
bad 3:13 "expected an operation" "    %0:i32 ="
bad 3:18 "expected an operand" "    %0:i32 = add , 1"
bad 3:14 "expected an operation, not 'frob'" "    %0:i32 = frob 1"
bad 3:14 "'ret' has no result" "    %0:i32 = ret 1"
bad 3:8 "expected a kind (i32, i64, f32, f64, void), not 'i33'" "    %0:i33 = copy 1"
bad 3:21 "unexpected text after the instruction" "    %0:i32 = copy 1 2"
bad 3:3 "expected b1: blocks are numbered in order" "  b2:"
bad 3:5 "a check needs its site" "    check_null %0"
bad 3:19 "slot0 does not exist" "    %0:i32 = lea [\$slot0+0]"
bad 3:30 "unterminated string" '    check_null %0 ; null 1:2 "abc'
bad 3:7 "variables come before the first block" "  var %0 x"
printf 'function f -> i32\n  var %%0 x y\n  b0:\n    ret 0\n' > bad.ir
expect_status 1 "$CC" -fdump-ir bad.ir
expect_msg "bad.ir:2:12: error: unexpected text after the variable"
# whole-function errors name the function's line
printf 'function f -> i32\n  b0:\n    %%0:i32 = add domain, 1\n    ret %%0\n' > bad.ir
expect_status 1 "$CC" -fdump-ir bad.ir
expect_msg "bad.ir:1:1: error: f: block b0: 'domain' is only ever br.eq.i32 or br.ne.i32 domain, 0"
printf 'function f -> i32\n  b0:\n    %%0:i32 = copy 1\n' > bad.ir
expect_status 1 "$CC" -fdump-ir bad.ir
expect_msg "bad.ir:1:1: error: f: block b0 does not end in jmp, br or ret"
printf 'function f -> i32\n  b0:\n    jmp b7\n' > bad.ir
expect_status 1 "$CC" -fdump-ir bad.ir
expect_msg "f: block b0 jumps to a block that does not exist"
printf 'function f -> i32\n  b0:\n    %%0:i32 = copy 1\n    %%0:f64 = copy 1.0\n    ret %%0\n' > bad.ir
expect_status 1 "$CC" -fdump-ir bad.ir
expect_msg "bad.ir:4:"
expect_msg "%0 was defined as i32 before"
# found by fuzzing the reader: an offset past 32 bits (the passes add
# and scale offsets), a temp number far past the file's size (every pass
# sizes tables by it), an address indexed by an i64
printf 'function f -> i32\n  slot0: 4 bytes align 4\n  b0:\n    %%0:i32 = load.i32 [$slot0+9223372036854775807 +1]\n    ret %%0\n' > bad.ir
expect_status 1 "$CC" -O2 -fdump-ir bad.ir
expect_msg "bad.ir:4:30: error: offset 9223372036854775807 does not fit in 32 bits"
printf 'function f -> i32\n  b0:\n    %%1000000:i32 = copy 1\n    ret %%1000000\n' > bad.ir
expect_status 1 "$CC" -O2 -fdump-ir bad.ir
expect_msg "bad.ir:3:5: error: temp %1000000 out of range"
printf 'function f -> i32\n  b0:\n    %%1:i64 = copy 4\n    %%0:i32 = load.i32 [%%2 + %%1*4]\n    ret %%0\n' > bad.ir
expect_status 1 "$CC" -O2 -fdump-ir bad.ir
expect_msg "an address's index %1 is not an i32"
# a call with fewer arguments than its static callee has parameters is
# left a call (inlining it would leave a parameter unbound)
printf 'function g -> i32 (static)\n  slot0: 4 bytes align 4 (param +0)\n  b0:\n    %%0:i32 = load.i32 [$slot0+0]\n    ret %%0\n\nfunction f -> i32\n  b0:\n    %%0:i32 = call g()\n    ret %%0\n' > short.ir
expect_status 0 "$CC" -O2 -fdump-ir short.ir
grep -q 'call g()' .stdout || fail "the call of g with no argument was not left a call"
printf '  b0:\n' > bad.ir
expect_status 1 "$CC" -fdump-ir bad.ir
expect_msg "expected 'function NAME -> KIND' before anything else"
: > bad.ir
expect_status 1 "$CC" -fdump-ir bad.ir
expect_msg "bad.ir: error: no function in the file"
expect_status 2 "$CC" -fdump-ir missing.ir
expect_msg "missing.ir"
exit 0
