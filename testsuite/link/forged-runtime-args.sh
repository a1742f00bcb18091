#!/bin/sh
# The runtime's internal entries believe no caller: a hand-written object
# that calls __cuckoo_divdi3 with a zero divisor gets the runtime error
# `divide`, not SIGFPE, and one that spawns from a NULL argument block gets
# `null`, not a read of address 0.
. "$srcdir/link/common.sh"
MAINTYPE='def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))'
{ func __cuckoo_main 24 '\tsubl $8, %esp\n\tpushl $0\n\tpushl $0\n\tpushl $0\n\tpushl $1\n\tcall __cuckoo_divdi3\n\taddl $16, %esp\n\tleave\n\tret'
  block main "$MAINTYPE\nref func __cuckoo_divdi3 f(i64;i64,i64)\n$TRAPREF"; } > "$T/main.body"
obj main
expect_status 0 $LD -o "$T/prog" "$T/main.o"
$CUCKOO_RUN "$T/prog" > "$T/out" 2> "$T/err"; st=$?
[ "$st" = 134 ] || fail "divdi3 by zero: exit $st, expected 134 ($(cat "$T/err"))"
grep -q "runtime error: divide: division by zero" "$T/err" || fail "divdi3: $(cat "$T/err")"

THUNK='f(i32;p(k(s:__cuckoo_args?)))'
# (the entry is a plain function w: no Cuckoo code may take main's address)
{ func w 24 '\txorl %eax, %eax\n\tleave\n\tret'
  func __cuckoo_main 24 '\tsubl $12, %esp\n\tpushl $0\n\tpushl $16\n\tpushl $0\n\tpushl $w\n\tcall __cuckoo_spawn\n\taddl $16, %esp\n\tleave\n\tret'
  block main "$MAINTYPE\ndef func w f(i32;)\nref func __cuckoo_spawn f(p(s:thread?);p($THUNK),p(k(s:__cuckoo_args?)),u32,p(k(s:__cuckoo_site?)))\n$TRAPREF"; } > "$T/main.body"
obj main
# the proof checker refuses it (a spawn's entry must be one of the object's
# thunks, its block typed); the runtime's own defence is tested with the
# object trusted
rm -f "$T/prog"
expect_status 1 $LD -o "$T/prog" "$T/main.o"
expect_msg "cannot prove spawn: the entry is not one of this object's spawn thunks"
[ -e "$T/prog" ] && fail "output left behind"
expect_status 0 $LD -o "$T/prog" --trust "$T/main.o"
$CUCKOO_RUN "$T/prog" > "$T/out" 2> "$T/err"; st=$?
[ "$st" = 134 ] || fail "spawn of NULL: exit $st, expected 134 ($(cat "$T/err"))"
grep -q "runtime error: null: spawn of a null argument block" "$T/err" || fail "spawn: $(cat "$T/err")"
exit 0
