#!/bin/sh
# The code discipline on objects: forbidden instructions, %gs access,
# indirect calls and jumps, ret $N, far transfers.
. "$srcdir/link/common.sh"
check() { # NAME BODY MESSAGE
	{ func f 24 "$2\n\tleave\n\tret"
	  block "$1" "def func f f(i32;)\n$TRAPREF"; } > "$T/$1.body"
	obj "$1"
	expect_status 1 $OBJCHECK "$T/$1.o"
	expect_msg "$3"
}
check hlt '\thlt' 'forbidden instruction: hlt'
check int3 '\tint3' 'forbidden instruction: int3'
check sysenter '\tsysenter' 'forbidden instruction: sysenter'
check out '\toutb %al, $0x80' 'forbidden instruction: port I/O'
check cli '\tcli' 'forbidden instruction: cli'
check lds '\tlds (%eax), %ecx' 'segment register load (lds)'
check movseg '\tmovw %ax, %ds' 'forbidden instruction:'
check popseg '\tpopl %es' 'forbidden instruction:'
check cr '\tmovl %cr0, %eax' 'forbidden instruction:'
check lgdt '\tlgdt (%eax)' 'forbidden instruction:'
check farcall '\tlcall $0x23, $0' 'forbidden instruction: far call'
check gs '\tmovl %gs:0, %eax' 'access through %fs or %gs outside the stack check'
check ijmp '\tjmp *%eax' 'indirect jump'
check icall '\tcall *%eax' 'indirect call not in the form'
check icallmem '\tcall *(%eax)' 'indirect call not in the form'
check ret8 '\tret $8' 'ret $8'
check esp '\tmovl %eax, %esp' '%esp written other than'
# the exact sequence is accepted
{ func f 24 '\tmovl 8(%ebp), %ecx\n\tICALL ecx, .Ltrap_f\n\tleave\n\tret'
  block good "def func f f(i32;p(f(i32;)))\n$TRAPREF"; } > "$T/good.body"
obj good
expect_status 0 $OBJCHECK "$T/good.o"
# a branch that skips the NULL test is not
{ func f 24 '\tjmp .Lc\n\tICALL ecx, .Ltrap_f\n.Lc = .-2\n\tleave\n\tret'
  block skip "def func f f(i32;)\n$TRAPREF"; } > "$T/skip.body"
obj skip
expect_status 1 $OBJCHECK "$T/skip.o"
exit 0
