#!/bin/sh
# A program built from cuckoo-cc objects passes `cuckoo-objcheck --json`,
# whose output is one well-formed JSON object reporting no failure.
. "$srcdir/link/cc-common.sh"
link_prog
expect_status 0 "$CUCKOO_OBJCHECK" --json prog
python3 -m json.tool stdout > /dev/null || fail "not JSON"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["failed"] == 0 and d["errors"] == 0, d
assert not any(f.get("severity") == "error" for f in d["findings"]), d
' stdout || fail "the JSON reports a failure"
# the objects pass too, each on its own and all together
expect_status 0 "$CUCKOO_OBJCHECK" --json run-main.o run-vec.o run-text.o
python3 -m json.tool stdout > /dev/null || fail "not JSON (objects)"
exit 0
