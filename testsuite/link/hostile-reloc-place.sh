#!/bin/sh
# Issue 8: a relocation sits on an immediate or displacement field of a
# decoded instruction, or on a data word (TOOLCHAIN.md "Structural
# rules").  One in the padding between two functions whose four bytes
# reach into the next function's first instruction (it would rewrite the
# stack check at link time), and one on the opcode bytes of `leave; ret`,
# are refused by both tools.
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
{ func __cuckoo_main 24 '\tmovl $0, %eax\n\tleave\n\tret'
  printf '\t.byte 0x90, 0x90\n'
  func g 8 '\tmovl $0, %eax\n\tpopl %ebp\n\tret'
  printf '\t.reloc g-2, R_386_32, __cuckoo_main\n'
  block pad "$MAINTYPE\ndef func g f(i32;)\n$TRAPREF"; } > "$T/pad.body"
obj pad
for tool in "$LD -o $T/prog" "$OBJCHECK"; do
	expect_status 1 $tool "$T/pad.o"
	expect_msg "relocation at .text+0x48 is outside every function"
done
{ func __cuckoo_main 24 '\tmovl $0, %eax\n.Lop:\tleave\n\tret\n\t.reloc .Lop, R_386_32, g'
  func g 8 '\tmovl $0, %eax\n\tpopl %ebp\n\tret'
  block op "$MAINTYPE\ndef func g f(i32;)\n$TRAPREF"; } > "$T/op.body"
obj op
for tool in "$LD -o $T/prog" "$OBJCHECK"; do
	expect_status 1 $tool "$T/op.o"
	grep -E -q "op\.o: ?__cuckoo_main\+0x22:" "$T/stdout" "$T/stderr" || fail "no message naming __cuckoo_main+0x22"
done
exit 0
