#!/bin/sh
# --json prints the findings and the summary as one JSON object.
. "$srcdir/link/common.sh"
{ func f 24 '\tint $0x80\n\tleave\n\tret'
  block j "def func f f(i32;)\n$TRAPREF"; } > "$T/j.body"
obj j
expect_status 1 $OBJCHECK --json "$T/j.o"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["errors"]>=1 and d["failed"]==1, d; assert any("int" in f["message"] for f in d["findings"])' "$T/stdout" || fail "bad JSON"
exit 0
