#!/bin/sh
# A jump changes nothing but where the program goes.  loop, loope and
# loopne also count %ecx down, which the checker's jump rule did not see:
# a pointer in %ecx, walked by loop as far as the program liked, kept its
# facts -- a store through it reached static storage from inside a domain
# and another object's function pointer.  Both tools refuse the loop.
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
victim loopecx '\tmovl $3, %ecx\n.Lagain:\n\tloop .Lagain\n\tmovl $0, %eax\n\tleave\n\tret'
refused loopecx f 'cannot prove a jump: it also writes ecx'
exit 0
