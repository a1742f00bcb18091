#!/bin/sh
# 32-bit forms only (doc/verify.md "The rules"): the checker's rules model
# 32-bit addresses and a 32-bit stack, and a bit test's 4-byte operand.
# Each of these was accepted and, in a full exploit, overwrote a function
# pointer or jumped into the middle of a function:
#  - pushw $0 moves %esp by 2 where the rule moved it by 4 (ret then popped
#    the caller's argument as its return address);
#  - addr16 lea of (%bx) was the displacement to the checker, the
#    register's value to the CPU;
#  - btc with a register bit offset reaches up to 256 MiB past its operand;
#  - addr16 rep stosb counts %cx and stores through %di;
#  - a 16-bit jmp, ret or leave truncates %eip or moves %esp by 2.
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
victim pushw '\t.byte 0x66, 0x6a, 0x00\n\taddl $2, %esp\n\tmovl $0, %eax\n\tleave\n\tret'
refused pushw f 'cannot prove push: a 16-bit branch, push, pop or leave'
victim lea16 '\taddr16 leal 0(%bx), %ecx\n\tmovl $0, %eax\n\tleave\n\tret'
refused lea16 f 'cannot prove lea: a 16-bit address'
victim btc '\tsubl $8, %esp\n\tmovl $0, -4(%ebp)\n\tmovl $64, %edx\n\tbtcl %edx, -4(%ebp)\n\tmovl $0, %eax\n\tleave\n\tret'
refused btc f 'cannot prove btc: a bit test of memory at a register offset'
victim stos16 '\tsubl $8, %esp\n\tleal -8(%ebp), %edi\n\tmovl $0, %ecx\n\txorl %eax, %eax\n\taddr16 rep stosb\n\tleave\n\tret'
refused stos16 f 'a 16-bit address'
victim jmpw '\t.byte 0x66, 0xeb, 0x00\n\tmovl $0, %eax\n\tleave\n\tret'
refused jmpw f 'cannot prove jmp: a 16-bit branch'
victim leavew '\tmovl $0, %eax\n\t.byte 0x66, 0xc9\n\tret'
refused leavew f 'cannot prove leave: a 16-bit branch, push, pop or leave'
victim retw '\tmovl $0, %eax\n\tleave\n\t.byte 0x66, 0xc3'
refused retw f 'cannot prove ret: a 16-bit branch'
exit 0
