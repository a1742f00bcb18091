#!/bin/sh
# run-domain-bench.sh -- the cost of protection domains (LANGUAGE.md §13.3,
# doc/domains.md "Cost").
#
#   run-domain-bench.sh [CUCKOO_CC [BUILDDIR]]
#
# Builds domain-pipeline.ck with `cuckoo-cc -O2` and measures, for batches
# of 1, 8, 32 and 256 packets through five null-filter stages:
#   - guest instructions per stage call, plain and in a domain, and the
#     difference (QEMU plugin qemu-icount.c; each count is taken at two
#     iteration counts and differenced, so start-up cancels);
#   - wall time per stage call, plain and in a domain (the program's own
#     clock_ns, the fastest of $BENCH_RUNS runs, default 5, under
#     $CUCKOO_RUN: on a shared machine the fastest run is the one least
#     disturbed, and the median still moves by tens of percent);
# and the cost of one recovery: a small domain (one object of state) whose
# every call traps, against the same calls that do not (the runtime error
# line goes to /dev/null).  Nothing is asserted about speed; the script
# fails only when something does not build or run.  The environment is as
# for run-bench.sh (CUCKOO_LD, CUCKOO_RUNTIME_DIR, CUCKOO_INCLUDE_DIR default
# to the build tree of CUCKOO_CC; $CUCKOO_SHARED_TOOLS/qemu-icount.c or
# ../shared/tools/qemu-icount.c for the plugin).
set -u
runs=${BENCH_RUNS:-5}
srcdir=$(cd "$(dirname "$0")" && pwd)
top_srcdir=$(cd "$srcdir/../.." && pwd)
build=${2:-${BENCH_BUILDDIR:-bench-build}}
mkdir -p "$build" || exit 2
build=$(cd "$build" && pwd)
cc=${1:-${CUCKOO_CC:-$build/../../cc/cuckoo-cc}}
case $cc in /*) ;; */*) cc=$(pwd)/$cc ;; *) cc=$(command -v "$cc" || echo "$cc") ;; esac
run=${CUCKOO_RUN-}
[ -x "$cc" ] || { echo "run-domain-bench.sh: $cc not found" >&2; exit 2; }
cctop=$(cd "$(dirname "$cc")/.." && pwd)
if [ -x "$cctop/tld/cuckoo-ld" ] && [ -f "$cctop/rt/libcuckoo-rt.a" ]; then
    : "${CUCKOO_LD:=$cctop/tld/cuckoo-ld}"
    : "${CUCKOO_RUNTIME_DIR:=$cctop/rt}"
    : "${CUCKOO_INCLUDE_DIR:=$top_srcdir/rt}"
    export CUCKOO_LD CUCKOO_RUNTIME_DIR CUCKOO_INCLUDE_DIR
fi
prog=$build/domain-pipeline
(cd "$srcdir" && "$cc" -O2 ${CUCKOO_CFLAGS-} -o "$prog" domain-pipeline.ck) ||
    { echo "run-domain-bench.sh: cuckoo-cc failed" >&2; exit 1; }

qemu=
case $run in
    *qemu-i386*) qemu=$run ;;
    *) command -v qemu-i386 >/dev/null 2>&1 && qemu=qemu-i386 ;;
esac
plugin=
for d in ${CUCKOO_SHARED_TOOLS:+"$CUCKOO_SHARED_TOOLS"} "$top_srcdir/../shared/tools"; do
    if [ -n "$qemu" ] && [ -f "$d/qemu-icount.c" ] &&
       ${HOSTCC:-gcc} -O2 -shared -fPIC -o "$build/qemu-icount.so" "$d/qemu-icount.c" 2>/dev/null; then
        plugin=$build/qemu-icount.so
        break
    fi
done

# icount ARGS...: the guest instructions of one run, or n/a
icount() {
    if [ -z "$plugin" ]; then echo n/a; return; fi
    n=$($qemu -plugin "$plugin" -d plugin "$prog" "$@" 2>&1 >/dev/null | sed -n 's/^icount: //p' | tail -n 1)
    echo "${n:-n/a}"
}
# per MODE B CALLS: instructions per call (differenced over 200 and 400
# iterations of CALLS calls each), or n/a
per() {
    a=$(icount "$1" "$2" 200); b=$(icount "$1" "$2" 400)
    echo "$a $b $3" | awk '$1 == "n/a" || $2 == "n/a" { print "n/a"; next }
                           { printf "%.1f\n", ($2 - $1) / (200 * $3) }'
}
# ns MODE B N CALLS: the fewest wall nanoseconds per call of $runs runs
ns() {
    i=0
    while [ $i -lt "$runs" ]; do
        $run "$prog" "$1" "$2" "$3" 2>/dev/null | sed -n 's/.*ns-per-iteration //p' ||
            { echo "run-domain-bench.sh: $prog $* failed" >&2; exit 1; }
        i=$((i + 1))
    done | sort -n | awk -v c="$4" 'NR == 1 { printf "%.1f\n", $1 / c }'
}
sub() { echo "$1 $2" | awk '$1 == "n/a" || $2 == "n/a" { print "n/a"; next } { printf "%.1f\n", $1 - $2 }'; }

echo "domain-pipeline: five null-filter stages, cuckoo-cc -O2${run:+, run under $run}"
echo
echo "Per stage call (instructions: QEMU plugin; time: fastest of $runs runs, ns):"
printf '%-6s %10s %10s %10s %10s %10s %10s %12s\n' batch "insn plain" "insn dom" "insn +" \
    "ns plain" "ns dom" "ns +" "insn +/pkt"
for b in 1 8 32 256; do
    ip=$(per plain $b 5); id=$(per domain $b 5)
    n=$((2000000 / (b + 16)))
    tp=$(ns plain $b $n 5); td=$(ns domain $b $n 5)
    d=$(sub "$id" "$ip")
    pk=$(echo "$d $b" | awk '$1 == "n/a" { print "n/a"; next } { printf "%.2f\n", $1 / $2 }')
    printf '%-6s %10s %10s %10s %10s %10s %10s %12s\n' $b "$ip" "$id" "$d" "$tp" "$td" "$(sub "$td" "$tp")" "$pk"
done
# the same stage in C, for context (gcc -m32 -O2, as run-bench.sh's C twins)
cprog=$build/domain-pipeline-gcc
if [ -n "$plugin" ] && ${HOSTCC:-gcc} -m32 -O2 -fno-tree-vectorize -o "$cprog" "$srcdir/domain-pipeline-gcc.c" 2>/dev/null; then
    echo
    echo "The same stage in C, gcc -O2 -fno-tree-vectorize (a plain call; instructions per call):"
    line=
    for b in 1 8 32 256; do
        a=$($qemu -plugin "$plugin" -d plugin "$cprog" $b 200 2>&1 >/dev/null | sed -n 's/^icount: //p' | tail -n 1)
        c=$($qemu -plugin "$plugin" -d plugin "$cprog" $b 400 2>&1 >/dev/null | sed -n 's/^icount: //p' | tail -n 1)
        line="$line $(echo "$b $a $c" | awk '$2 == "" || $3 == "" { printf "%s: n/a ", $1; next }
                                            { printf "%s: %.1f ", $1, ($3 - $2) / 1000 }')"
    done
    echo "batch$line"
fi
echo
echo "A call with an owned argument (a packet of two objects, made before the call and"
echo "deleted by the function) against the same call with an int:"
printf '%-28s %12s %12s %12s %12s %12s %12s\n' "" "insn plain" "insn dom" "insn +" "ns plain" "ns dom" "ns +"
for a in int pkt; do
    ip=$(per $a-plain 1 1); id=$(per $a-domain 1 1)
    tp=$(ns $a-plain 1 200000 1); td=$(ns $a-domain 1 200000 1)
    case $a in int) what="with an int" ;; *) what="with an owned packet" ;; esac
    printf '%-28s %12s %12s %12s %12s %12s %12s\n' "$what" "$ip" "$id" "$(sub "$id" "$ip")" \
        "$tp" "$td" "$(sub "$td" "$tp")"
done
echo
echo "One recovery of a small domain (a failing call against a succeeding one):"
io=$(per ok 1 1); if_=$(per fail 1 1)
to=$(ns ok 1 20000 1); tf=$(ns fail 1 20000 1)
printf '%-28s %12s %12s\n' "" instructions ns
printf '%-28s %12s %12s\n' "succeeding call" "$io" "$to"
printf '%-28s %12s %12s\n' "failing call, with recovery" "$if_" "$tf"
printf '%-28s %12s %12s\n' "recovery" "$(sub "$if_" "$io")" "$(sub "$tf" "$to")"
