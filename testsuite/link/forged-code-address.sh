#!/bin/sh
# A code address is a function's entry, never an address inside one:
# `push $f+1; ret` and a data word holding f+1 are refused; so is a
# relocation in the padding between two functions.
. "$srcdir/link/common.sh"
{ func __cuckoo_main 24 '\tpushl $__cuckoo_main+1\n\tleave\n\tret'
  block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\n$TRAPREF"; } > "$T/main.body"
obj main
expect_status 1 $LD -o "$T/prog" "$T/main.o"
expect_msg "not the entry of a function"
expect_status 1 $OBJCHECK "$T/main.o"
{ func __cuckoo_main 24 '\tmovl $0, %eax\n\tleave\n\tret'
  printf '\t.data\n\t.globl fp\n\t.type fp,@object\nfp:\t.long __cuckoo_main+3\n\t.size fp,4\n'
  block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\ndef data fp p(f(i32;i32,p(a(p(a(c8))))))\n$TRAPREF"; } > "$T/main.body"
obj main
expect_status 1 $LD -o "$T/prog" "$T/main.o"
expect_msg "not the entry of a function"
{ func __cuckoo_main 24 '\tmovl $0, %eax\n\tleave\n\tret'
  printf '\t.long __cuckoo_main\n'
  func g 8 '\tmovl $0, %eax\n\tpopl %ebp\n\tret'
  block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\ndef func g f(i32;)\n$TRAPREF"; } > "$T/main.body"
obj main
expect_status 1 $LD -o "$T/prog" "$T/main.o"
exit 0
