#!/bin/sh
# Frames addressed from %esp, %ebp a register (cc/i386/abi.c; -O1 and up
# without -g).  mix() of link/cc-inputs/frameless.ck has more values live
# across its loop than %ecx, %ebx, %esi and %edi hold: cuckoo-cc -O2 gives
# one to %ebp and reaches its slots from %esp.  The checker takes a
# prologue without `movl %esp, %ebp` as a function without a frame
# pointer, whose %ebp is a callee-saved register like %ebx
# (tld/verify.c, has_fp): cuckoo-objcheck and cuckoo-ld accept what
# cuckoo-cc writes and the program runs.  Refused: %ebp not restored at
# the return; the frame pointer set in the prologue and %ebp then written
# in the body; %esp not back at its entry value; a store into the return
# address or below the frame; %ebp holding an int used as a base.  -g and
# -O0 keep the frame pointer.
. "$srcdir/link/cc-common.sh"
"$CUCKOO_CC" -O2 -S -o p.s "$INPUTS/frameless.ck" 2>stderr || fail "cuckoo-cc -S: $(cat stderr)"
sed -n '/^mix:/,/^\.Lmix\.epilogue/p' p.s > mix.s
grep -q '^	movl %esp, %ebp$' p.s && fail "a frame pointer at -O2"
grep -q '^	pushl %ebp$' mix.s || fail "mix: %ebp not saved"
grep -q ', %ebp$' mix.s || fail "mix: nothing in %ebp"
grep -q '^	movl [0-9]*(%esp), %eax$' mix.s || fail "mix: no slot read from %esp"
grep -q '(%ebp)' mix.s && fail "mix: %ebp used as a base"
sed -n '/^\.Lmix\.epilogue/,/ret/p' p.s | grep -q '^	addl \$[0-9]*, %esp$' || fail "mix: no 'addl \$N, %esp' in the epilogue"
accepted_and_runs
expect_line "69286"
S='/^mix:/,/^\.Lmix\.epilogue/'
E='/^\.Lmix\.epilogue/,/ret/'
refused_mutant ebp-not-restored "$E{s/^	popl %ebp/	popl %eax/;}" "%ebp is not restored" mix
refused_mutant frame-pointer "$S{s/^	pushl %ebp/	pushl %ebp\n	movl %esp, %ebp/;}" "writes ebp" mix
refused_mutant esp-off "$E{s/^	addl \$\([0-9]*\), %esp/	addl \$4, %esp/;}" "entry value" mix
ret=$(sed -n "$S{s/^	subl \$\([0-9]*\), %esp$/\1/p;}" p.s)
[ -n "$ret" ] || fail "mix: no 'subl \$N, %esp'"
ret=$((ret + 16))
refused_mutant return-address "$S{s/^	movl %eax, [0-9]*(%esp)$/	movl %eax, $ret(%esp)/;}" "the return address" mix
refused_mutant below-frame "$S{s/^	movl %eax, [0-9]*(%esp)$/	movl %eax, -72(%esp)/;}" "not inside one frame slot" mix
refused_mutant ebp-int-base "$S{s/^	andl \([0-9]*\)(%esp), %ebp$/	andl \1(%ebp), %ebp/;}" "does not hold a pointer" mix
for o in "-O2 -g" -O0; do
	"$CUCKOO_CC" $o -S -o g.s "$INPUTS/frameless.ck" 2>stderr || fail "cuckoo-cc $o -S: $(cat stderr)"
	sed -n '/^mix:/,/^\.Lmix\.epilogue/p' g.s | grep -q '^	movl %esp, %ebp$' || fail "$o: no frame pointer"
done
exit 0
