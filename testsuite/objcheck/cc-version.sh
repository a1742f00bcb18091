#!/bin/sh
# Loop versioning (cc/opt/version.c): cuckoo-cc -O2 gives a loop whose
# bound is not its array's length a check-free copy, entered when a test
# before the loop finds the array non-null and n <=u lengthof(v)
# (link/cc-inputs/version.ck).  cuckoo-objcheck and cuckoo-ld accept what
# cuckoo-cc writes and the program runs; the proof checker derives
# i <u lengthof(v) in the copy from the guard and the loop's test
# (doc/verify.md, "Loop bounds").  Mutants of the guard are refused: the
# length test removed, its jump turned (`ja` -> `jb`: n >=u lengthof(v)),
# its operands swapped (lengthof(v) <=u n), the NULL test removed, the
# copy's loop test made `jbe` (i <=u n allows i = lengthof(v)), and the
# constant bound's guard weakened (lengthof(v) >= 9 for 10 iterations).
. "$srcdir/link/cc-common.sh"
AS=${AS:-as}
"$CUCKOO_CC" -O2 -S -o p.s "$INPUTS/version.ck" 2>stderr || fail "cuckoo-cc -S: $(cat stderr)"
# the guard of sum: a compare with the length word, then `ja` to the checked loop
sed -n '/^sum:/,/^\.Lsum\.epilogue/p' p.s > sum.s
grep -q '^	cmpl -4(%e[a-z][a-z]), %e[a-z][a-z]$' sum.s || fail "no guard 'cmpl -4(%reg), %reg' in sum"
grep -q '^	ja \.Lsum\.' sum.s || fail "no 'ja' to the checked loop in sum"
grep -q '^	jb \.Lsum\.' sum.s || fail "no unsigned loop test 'jb' in sum's copy"
[ "$(grep -c 'jae \.Ltrap' sum.s)" = 1 ] || fail "sum: not one bounds check (the checked loop's)"
accepted_and_runs
expect_line "21 3 0 44281"
# the control: the same mutation machinery, nothing changed but the states
sed -e '/\.ascii "targets /d' -e '/\.ascii "\(at\|reg\|cell\|fact\|init\|nodom\)[ \\]/d' p.s > m-none.s
"$AS" --32 -o m-none.o m-none.s || fail "m-none.s does not assemble"
expect_status 0 "$CUCKOO_OBJCHECK" m-none.o
notproved='not proved'
S='/^sum:/,/^\.Lsum\.epilogue/'
refused_mutant no-guard "$S{/^	ja \.Lsum\./d;}" "$notproved" sum
refused_mutant guard-jb "$S{s/^	ja \.Lsum\./	jb .Lsum./;}" "$notproved" sum
refused_mutant guard-swapped "$S{s/^	cmpl -4(\(%e[a-z][a-z]\)), \(%e[a-z][a-z]\)\$/	cmpl \2, -4(\1)/;}" "$notproved" sum
# the NULL test before the length word's read (the guard's first `je`)
refused_mutant no-null-test "/^sum:/,/^	ja \.Lsum\./{/^	je \.Lsum\./d;}" "may be NULL" sum
refused_mutant copy-jbe "$S{s/^	jb \.Lsum\./	jbe .Lsum./;}" "$notproved" sum
refused_mutant first-9 '/^first:/,/^\.Lfirst\.epilogue/{s/^	cmpl \$10, -4(/	cmpl $9, -4(/;}' "$notproved" first
exit 0
