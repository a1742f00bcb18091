#!/bin/sh
# Loop versioning on the domain flag (cc/opt/version.c): cuckoo-cc -O2
# gives a loop whose stores need the store check of LANGUAGE.md §13.3 a
# copy without those checks, entered when `cmpl $0,
# %gs:__cuckoo_domain_top@ntpoff` before the loop finds the thread outside
# every domain (link/cc-inputs/version-domain.ck), also for mark's loop,
# which leaves from three places, and part's, which holds two loops.  cuckoo-objcheck and
# cuckoo-ld accept it and the program runs: the checker's `nodom`, learnt
# on the test's equal edge, holds for the rest of the activation
# (doc/verify.md, "Stores inside protection domains").  Mutants of the
# guard are refused: its jump turned (`jne` -> `je`: the copy runs inside
# domains) or removed (the copy runs always).
. "$srcdir/link/cc-common.sh"
AS=${AS:-as}
"$CUCKOO_CC" -O2 -S -o p.s "$INPUTS/version-domain.ck" 2>stderr || fail "cuckoo-cc -S: $(cat stderr)"
sed -n '/^scale:/,/^\.Lscale\.epilogue/p' p.s > scale.s
# the guard: the domain test, then `jne` to the checked loop (a block);
# the checked loop's own store check jumps to a trap stub instead
grep -A1 '^	cmpl \$0, %gs:__cuckoo_domain_top@ntpoff$' scale.s | grep -q '^	jne \.Lscale\.b' ||
    fail "no guard 'cmpl \$0, %gs:__cuckoo_domain_top; jne .Lscale.bN' in scale"
[ "$(grep -c 'jne \.Ltrap' scale.s)" = 1 ] || fail "scale: not one store check (the checked loop's)"
sed -n '/^mark:/,/^\.Lmark\.epilogue/p' p.s > mark.s
grep -A1 '^	cmpl \$0, %gs:__cuckoo_domain_top@ntpoff$' mark.s | grep -q '^	jne \.Lmark\.b' ||
    fail "no guard 'cmpl \$0, %gs:__cuckoo_domain_top; jne .Lmark.bN' in mark"
[ "$(grep -c 'jne \.Ltrap' mark.s)" = 1 ] || fail "mark: not one store check (the checked loop's)"
sed -n '/^part:/,/^\.Lpart\.epilogue/p' p.s > part.s
grep -A1 '^	cmpl \$0, %gs:__cuckoo_domain_top@ntpoff$' part.s | grep -q '^	jne \.Lpart\.b' ||
    fail "no guard 'cmpl \$0, %gs:__cuckoo_domain_top; jne .Lpart.bN' in part"
accepted_and_runs
expect_line "3 12 1 -5 0"
expect_line "3 3 1 2 8 7 9"
notdom='may point into static storage'
G='/^scale:/,/^\.Lscale\.epilogue/{/__cuckoo_domain_top/{n;'
refused_mutant guard-je "$G"'s/^	jne \.Lscale\.b/	je .Lscale.b/;};}' "$notdom" scale
refused_mutant no-guard "$G"'/^	jne \.Lscale\.b/d;};}' "$notdom" scale
M='/^mark:/,/^\.Lmark\.epilogue/{/__cuckoo_domain_top/{n;'
refused_mutant mark-guard-je "$M"'s/^	jne \.Lmark\.b/	je .Lmark.b/;};}' "$notdom" mark
P='/^part:/,/^\.Lpart\.epilogue/{/__cuckoo_domain_top/{n;'
refused_mutant part-no-guard "$P"'/^	jne \.Lpart\.b/d;};}' "$notdom" part
exit 0
