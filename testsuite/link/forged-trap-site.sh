#!/bin/sh
# __cuckoo_trap prints the site record it is handed: a call with anything
# but one of the object's site records (whose strings are checked to be
# NUL-terminated read-only data) is refused, and so is a site record whose
# string pointer is an integer.
. "$srcdir/link/common.sh"
MAIN='def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))'
{ func __cuckoo_main 24 '\tsubl $12, %esp\n\tpushl $0\n\tpushl $0\n\tpushl $0\n\tpushl $0\n\tpushl $0x1000\n\tcall __cuckoo_trap'
  block main "$MAIN\n$TRAPREF"; } > "$T/int.body"
obj int
expect_status 1 $OBJCHECK "$T/int.o"
expect_msg "__cuckoo_main+0x2d: cannot prove call: of __cuckoo_trap without one of the object's site records"
expect_status 1 $LD -o "$T/prog" "$T/int.o"
[ -e "$T/prog" ] && fail "output left behind"
# a site record whose file pointer holds an integer
{ func __cuckoo_main 24 '\txorl %eax, %eax\n\tleave\n\tret'
  printf '\t.section .rodata\n\t.p2align 2\n\t.type hwsite,@object\n\t.size hwsite,24\nhwsite:\n\t.long 0,0,0x8048000,1,1,0\n'
  printf '\t.section .cuckoo.proof,"",@progbits\n\t.ascii "cuckoo-proof 1\\nobject hwsite site\\nfunc __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\\nend\\n"\n'
  block main "$MAIN\n$TRAPREF"; } > "$T/badsite.body"
obj badsite
expect_status 1 $OBJCHECK "$T/badsite.o"
expect_msg "hwsite+0x8: cannot prove the object: a site record's string pointer holds an integer"
exit 0
