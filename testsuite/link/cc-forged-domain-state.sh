#!/bin/sh
# A domain_call entry takes its domain's state as a plain pointer 'S *s'
# (LANGUAGE.md §13.3; the compiler refuses others,
# compile-fail/s13-domain-call-state-plain).  With an owned state
# parameter f could delete the state the runtime keeps -- the next
# domain_new then took the freed block for its own state, and a call into
# the first domain wrote the second's.  The forgery retypes f's state
# parameter as owned; cuckoo-ld and cuckoo-objcheck refuse the call.
. "$srcdir/link/cc-common.sh"
AS=$(sed -n 's/^CUCKOO_AS = //p' "$CUCKOO_RUNTIME_DIR/../tld/Makefile")
"$CUCKOO_CC" -S "$INPUTS/domain-state.ck" -o d.s || fail "cuckoo-cc -S domain-state.ck"
sed -e 's/f f(i32;p(s:st{x:i32}),i32)/f f(i32;po(s:st{x:i32}),i32)/g' d.s > forged.s
[ "$(grep -c 'f f(i32;po(s:st{x:i32}),i32)' forged.s)" = 2 ] || fail "f's block and proof records not forged"
${AS:-as} --32 -o forged.o forged.s || fail "cannot assemble the forged object"
forged_refused "forged\.o: __cuckoo_main\+0x[0-9a-f]+: cannot prove domain_call: the entry's state parameter is not a plain pointer" forged.o
exit 0
