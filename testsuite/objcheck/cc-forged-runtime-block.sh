#!/bin/sh
# A linked program's blocks are believed for nothing: a Cuckoo block
# rewritten to say it is the runtime's (producer cuckoo-rt), which would
# free it from the rules Cuckoo blocks obey, is refused by the auditor,
# since it is not the installed runtime's block.
. "$srcdir/link/cc-common.sh"
link_prog
expect_status 0 "$CUCKOO_OBJCHECK" prog
objcopy --dump-section .cuckoo.types=types prog || fail "objcopy dump"
sed '0,/producer cuckoo-cc /s//producer cuckoo-rt /' types > types.forged
cmp -s types types.forged && fail "nothing patched"
objcopy --update-section .cuckoo.types=types.forged prog prog.forged || fail "objcopy update"
mv prog.forged prog
expect_status 1 "$CUCKOO_OBJCHECK" prog
grep -q "says it is the Cuckoo runtime's but is not the block of the installed runtime" stdout stderr ||
	fail "no message"
exit 0
