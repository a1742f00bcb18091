#!/bin/sh
# run-gen.sh FIRST LAST -- generate the programs of seeds FIRST..LAST with
# cuckoo-gen, compile each at every level of $CUCKOO_GEN_LEVELS (default
# "O0 O2"; the first is the reference), audit each with cuckoo-objcheck,
# run them, and compare with the generator's model: the same standard
# output (gen-SEED.out), the same exit status (0, or 134 after a runtime
# error), and the same last line of standard error, which must begin with
# "cuckoo: runtime error: " and the model's KIND: DETAIL (gen-SEED.trap).
# A failing seed's files are kept in $CUCKOO_GEN_KEEP (default
# ./gen-failures) and the script exits 1.  Environment as for
# lib/run-test.sh, plus CUCKOO_GEN (the generator; default
# ./gen/cuckoo-gen) and CUCKOO_GEN_TIMEOUT (seconds per run, default 20).
set -u
first=${1:?usage: run-gen.sh FIRST LAST}
last=${2:?usage: run-gen.sh FIRST LAST}
gen=${CUCKOO_GEN:-./gen/cuckoo-gen}
genflags=${CUCKOO_GEN_FLAGS:-}
cc=${CUCKOO_CC:-../cc/cuckoo-cc}
keep=${CUCKOO_GEN_KEEP:-./gen-failures}
limit=${CUCKOO_GEN_TIMEOUT:-20}
levels=${CUCKOO_GEN_LEVELS:-"O0 O2"}
ref=${levels%% *}
[ -x "$gen" ] || { echo "SKIP: $gen not built"; exit 77; }
[ -x "$cc" ] || { echo "SKIP: $cc not built"; exit 77; }
case $gen in /*) ;; *) gen=$(pwd)/$gen ;; esac
case $cc in /*) ;; *) cc=$(pwd)/$cc ;; esac
case $keep in /*) ;; *) keep=$(pwd)/$keep ;; esac
tmo=
command -v timeout >/dev/null 2>&1 && tmo="timeout -k 5 $limit"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cuckoo-gen.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0 ran=0 traps=0
failed() {
    printf "FAIL: seed %s: %s%s\n" "$seed" "$*" "$known"
    mkdir -p "$keep/$seed"
    cp "$tmp"/gen-$seed.* "$tmp"/*.stdout "$tmp"/*.stderr "$keep/$seed/" 2>/dev/null
    [ $seedfail = 1 ] || fails=$((fails + 1))
    seedfail=1
}
seed=$first
while [ "$seed" -le "$last" ]; do
    rm -f "$tmp"/*
    if ! "$gen" $genflags "$seed" "$tmp"; then
        echo "ERROR: cuckoo-gen $seed failed"; exit 99
    fi
    ran=$((ran + 1))
    want_trap=$(cat "$tmp/gen-$seed.trap")
    if grep -q "uses the constructs of issue 7" "$tmp/gen-$seed.ck"; then
        known=" [has issue-7 class 1/2 constructs]"
    else
        known=" [no issue-7 class 1/2 constructs]"
    fi
    ok=1 seedfail=0
    for o in $levels; do
        if ! (cd "$tmp" && $cc ${CUCKOO_CFLAGS:-} -$o -o prog-$o gen-$seed.ck) >"$tmp/cc-$o.stderr" 2>&1; then
            failed "-$o: the compiler rejects it or fails: $(head -3 "$tmp/cc-$o.stderr")"
            ok=0; break
        fi
        # cuckoo-ld proved every function; the whole program's audit runs at
        # the last level only (every level with CUCKOO_AUDIT_LEVELS=all)
        if [ -n "${CUCKOO_OBJCHECK:-}" ] && { [ "$o" = "${levels##* }" ] || [ "${CUCKOO_AUDIT_LEVELS:-}" = all ]; } &&
           ! "$CUCKOO_OBJCHECK" "$tmp/prog-$o" >"$tmp/audit-$o.stderr" 2>&1; then
            failed "-$o: the program does not pass cuckoo-objcheck: $(tail -3 "$tmp/audit-$o.stderr")"
            ok=0; break
        fi
        (cd "$tmp" && $tmo ${CUCKOO_RUN:-} ./prog-$o </dev/null >run-$o.stdout 2>run-$o.stderr)
        echo $? >"$tmp/status-$o"
        # timeout(1) may warn on its own stderr (timer_create failing when the
        # machine is short of resources): that line is not the program's.
        grep -v '^timeout: warning:' "$tmp/run-$o.stderr" >"$tmp/run-$o.err2"
        mv "$tmp/run-$o.err2" "$tmp/run-$o.stderr"
    done
    if [ $ok = 1 ]; then
        for o in $levels; do
            st=$(cat "$tmp/status-$o")
            line=$(tail -n 1 "$tmp/run-$o.stderr")
            if ! cmp -s "$tmp/gen-$seed.out" "$tmp/run-$o.stdout"; then
            failed "-$o: standard output differs from the model: $(diff "$tmp/gen-$seed.out" "$tmp/run-$o.stdout" | head -5 | tr "\n" "|")"
                break
            fi
            if [ -z "$want_trap" ]; then
                if [ "$st" != 0 ] || [ -s "$tmp/run-$o.stderr" ]; then
                    failed "-$o: exit $st, expected 0: $line"; break
                fi
            else
                case $line in
                "cuckoo: runtime error: $want_trap"*) ;;
                *) failed "-$o: exit $st, last stderr line '$line', expected 'cuckoo: runtime error: $want_trap...'"; break ;;
                esac
                if [ "$st" != 134 ]; then failed "-$o: exit $st, expected 134"; break; fi
            fi
        done
        for o in $levels; do
            if ! cmp -s "$tmp/run-$ref.stdout" "$tmp/run-$o.stdout"; then
                failed "-$ref and -$o print different output"
            fi
            if [ -n "$want_trap" ] && [ "$(tail -n 1 "$tmp/run-$ref.stderr")" != "$(tail -n 1 "$tmp/run-$o.stderr")" ]; then
                failed "-$ref and -$o stop differently: '$(tail -n 1 "$tmp/run-$ref.stderr")' / '$(tail -n 1 "$tmp/run-$o.stderr")'"
            fi
        done
        [ -n "$want_trap" ] && traps=$((traps + 1))
    fi
    seed=$((seed + 1))
done
echo "cuckoo-gen seeds $first..$last: $ran programs ($traps end in a runtime error), $fails failed"
[ $fails = 0 ]
