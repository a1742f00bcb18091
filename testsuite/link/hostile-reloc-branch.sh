#!/bin/sh
# A branch's target is what the checker decodes, and the GNU linker adds
# up every relocation on a field, while the tools each read one.
#  - A jmp whose displacement field carries an R_386_PC32 against g: the
#    field's own value sends the decoded jump into f's nops (so the
#    checker followed it there), the linker's sum to e, another function,
#    entered with f's frame.  Only a call's target may come from a
#    relocation: refused at the jump.
#  - A call of g with a second relocation, against e, on its field: the
#    checker and the branch rules saw a call of g, the program would call
#    g + e - (the field's place).  Refused as two relocations on one field.
. "$srcdir/link/common.sh"
. "$srcdir/link/hostile.sh"
two_funcs=$(func g 24 '\tmovl $0, %eax\n\tleave\n\tret'; func e 24 '\tmovl $0, %eax\n\tleave\n\tret')
recs='def func g f(i32;i32)\ndef func e f(i32;i32)\n'
victim reljmp '\t.byte 0xe9\n.Lfld:\n\t.long (e - g) - 4\n\t.reloc .Lfld, R_386_PC32, g\n\t.skip 200, 0x90\n\tmovl $0, %eax\n\tleave\n\tret' \
	"$two_funcs\n" "$recs"
refused reljmp f 'cannot prove a jump: its target is set by a relocation'
victim tworel '\tsubl $8, %esp\n\tpushl $1\n\t.byte 0xe8\n.Lcf:\n\t.long -4\n\t.reloc .Lcf, R_386_PC32, g\n\t.reloc .Lcf, R_386_PC32, e\n\taddl $4, %esp\n\tleave\n\tret' \
	"$two_funcs\n" "$recs"
for tool in "$LD -o $T/prog" "$OBJCHECK"; do
	expect_status 1 $tool "$T/tworel.o"
	grep -E -q "tworel\.o: two relocations patch \.text\+0x[0-9a-f]+: the linker would add them up" "$T/stdout" "$T/stderr" ||
		fail "tworel: no message on the two relocations"
done
[ -e "$T/prog" ] && fail "tworel: output left behind"
exit 0
