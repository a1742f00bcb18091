#!/bin/sh
# The stack check covers a function's frame as discipline.c weighs it, and
# the checker must let %esp go no deeper (doc/verify.md "The rules"):
#  - frame: after `pushl %ebp; movl $0, %ebp`, a run of pushes was taken
#    by the checker's prologue scan for frame (that scan went on through
#    any move into %ebp) while the stack check counted 4 bytes: a million
#    such pushes wrote into another thread's stack.  The prologue is the
#    compiler's shape only; the pushes are body, 64 bytes at most.
#  - chain: a function without a stack check is counted by its caller's
#    check from the caller's frame bottom; called from below it (the 64
#    bytes a body may push), each level of a chain went 64 bytes deeper
#    than counted.  Such a call is refused.
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
pushes=$(i=0; while [ $i -lt 20 ]; do printf '\tpushl %%ebp\n'; i=$((i + 1)); done)
{ printf '\t.text\n\t.globl f\n\t.type f,@function\nf:\n\tSTACKCHECK 8, .Lstack_f\n\tpushl %%ebp\n\tmovl $0, %%ebp\n'
  printf '%s\n' "$pushes"
  printf '\taddl $80, %%esp\n\tpopl %%ebp\n\tmovl $1, %%eax\n\tret\n.Lstack_f:\n\tTRAPSTUB\n\t.size f, .-f\n'
  func __cuckoo_main 24 '\tsubl $8, %esp\n\tpushl $1\n\tcall f\n\taddl $4, %esp\n\tleave\n\tret'
  block frame "def func f f(i32;i32)\n$MAINTYPE\n$TRAPREF"; } > "$T/frame.body"
obj frame
refused frame f "cannot prove a stack operation: %esp would leave the frame"
victim chain '\tpushl $0\n\tcall c\n\taddl $4, %esp\n\tmovl $0, %eax\n\tleave\n\tret' \
	'\t.type c,@function\nc:\n\tpushl %ebp\n\tmovl %esp, %ebp\n\tpopl %ebp\n\tret\n\t.size c, .-c\n'
refused chain f 'cannot prove call: a function without a stack check, from below the frame'
exit 0
