#!/bin/sh
# Hand-written assembly without a .cuckoo.types block is refused.
. "$srcdir/link/common.sh"
main_calls_sum 'f(i32;p(a(k(i32))))'
printf '\t.text\n\t.globl sum\n\t.type sum,@function\nsum:\n\tmovl $42, %%eax\n\tret\n\t.size sum,.-sum\n' > "$T/lib.s"
$AS --32 -o "$T/lib.o" "$T/lib.s" || fail as
expect_status 1 $LD -o "$T/prog" "$T/main.o" "$T/lib.o"
[ -e "$T/prog" ] && fail "output left behind"
expect_msg "cuckoo-ld: error: $T/lib.o: not produced by cuckoo-cc (no .cuckoo.types section); refusing to link"
exit 0
