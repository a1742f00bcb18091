#!/bin/sh
# A length-word descriptor (doc/abi.md "Length words written at start-up")
# names the start of a .bss or .data object of its own file and covers no
# more than that object: the start-up code writes inside the size the
# descriptor states, so a forged size would let it write past the object.
# A descriptor as cuckoo-cc writes it passes; one of 4096 bytes for an
# object of 8, one that names no object and an entry with no descriptor
# are refused.
. "$srcdir/link/common.sh"
# desc NAME SIZE TARGET: an object big (8 bytes, in .bss) and a descriptor
# of SIZE bytes naming TARGET
desc() {
  { func __cuckoo_main 24 '\tmovl $0, %eax\n\tleave\n\tret'
    printf '\t.bss\n\t.globl big\n\t.type big,@object\n\t.size big,8\nbig:\t.zero 8\n'
    printf '\t.section .rodata\n\t.p2align 2\n.Ld:\n\t.long %s, %s\n\t.long 1, 0, 1, 0\n' "$3" "$2"
    printf '\t.section __cuckoo_callsites,"a",@progbits\n\t.long 0, .Ld\n'
    block "$1" "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\ndef data big a1(i32)\n$TRAPREF"; } > "$T/$1.body"
  obj "$1"
}
desc good 8 big
expect_status 0 $OBJCHECK "$T/good.o"
desc oversize 4096 big
expect_status 1 $OBJCHECK "$T/oversize.o"
expect_msg "length-word descriptor at .rodata+0x0 covers 4096 bytes, more than the object it names (big, 8 bytes)"
desc inside 4 big+4
expect_status 1 $OBJCHECK "$T/inside.o"
expect_msg "covers 4 bytes, more than the object it names (none, 0 bytes)"
{ func __cuckoo_main 24 '\tmovl $0, %eax\n\tleave\n\tret'
  printf '\t.section __cuckoo_callsites,"a",@progbits\n\t.long 0, 0x1234\n'
  block nodesc "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\n$TRAPREF"; } > "$T/nodesc.body"
obj nodesc
expect_status 1 $OBJCHECK "$T/nodesc.o"
expect_msg "call-site entry at __cuckoo_callsites+0x0 has no return address and no length-word descriptor in .rodata"
exit 0
