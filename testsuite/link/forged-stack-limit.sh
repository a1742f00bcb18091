#!/bin/sh
# The stack limit is reached only by the stack check (a TLS_LE read at its
# fixed place): an absolute relocation against __cuckoo_stack_limit, which
# would let code write it, is refused.
. "$srcdir/link/common.sh"
{ func __cuckoo_main 24 '\tmovl $0, __cuckoo_stack_limit\n\tmovl $0, %eax\n\tleave\n\tret'
  block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\n$TRAPREF"; } > "$T/main.body"
obj main
expect_status 1 $LD -o "$T/prog" "$T/main.o"
expect_msg "reaches the thread-local '__cuckoo_stack_limit' other than through the stack check"
expect_status 1 $OBJCHECK "$T/main.o"
exit 0
