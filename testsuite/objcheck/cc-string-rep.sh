#!/bin/sh
# A string instruction is a block copy or fill only with its rep prefix
# (tld/verify.c, block_op): the rule moves %esi/%edi past all %ecx
# elements.  A bare movsl moves one, so the checker's %edi was %ecx - 1
# elements ahead of the real one: a hand-written f() that copied one word,
# walked %esi/%edi back by the rule's distance and "copied" again stored
# into g1's length word as if into g2.a[998], and a later a[1000] wrote
# outside g1 (found by review, 2026-12-06).  cuckoo-cc's rep movsl is
# accepted and runs; the copy without rep, and that attack, are refused.
. "$srcdir/link/cc-common.sh"
"$CUCKOO_CC" -O2 -S -o p.s "$INPUTS/string-rep.ck" 2>stderr || fail "cuckoo-cc -S: $(cat stderr)"
sed -n '/^f:/,/^\.Lf\.epilogue/p' p.s | grep -q '^	rep movsl$' || fail "f: no rep movsl"
accepted_and_runs
expect_line "7 1000"
S='/^f:/,/^\.Lf\.epilogue/'
refused_mutant no-rep "$S{s/^	rep movsl$/	movsl/;}" "without a rep prefix" f
refused_mutant walk-back "$S{s/^	rep movsl$/	movsl\n	leal -4004(%edi), %edi\n	leal -4004(%esi), %esi\n	movl \$1001, %ecx\n	movsl\n	movl \$0x7fffffff, -8(%edi)/;}" "without a rep prefix" f
refused_mutant no-rep-stos "$S{s/^	rep movsl$/	stosl/;}" "without a rep prefix" f
exit 0
