#!/bin/sh
# Issue 8: `ret` happens only with %esp at its entry value and the return
# address untouched (TOOLCHAIN.md "Verified code", point 1): returning to
# an address pushed from an argument, `push $f; ret` to a real function
# entry, a return address overwritten in the frame, and a ret after an
# extra pop.  (`push $f+1; ret` is in forged-code-address.sh.)
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
victim pushparam '\tpushl 8(%ebp)\n\tret'
refused pushparam f 'cannot prove'
victim pushentry '\tleave\n\tpushl $__cuckoo_main\n\tret'
refused pushentry f 'cannot prove'
victim retaddr '\tmovl 8(%ebp), %eax\n\tmovl %eax, 4(%ebp)\n\tleave\n\tret'
refused retaddr f 'cannot prove'
victim popret '\tleave\n\tpopl %eax\n\tret'
refused popret f 'cannot prove'
exit 0
