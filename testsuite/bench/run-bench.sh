#!/bin/sh
# run-bench.sh -- the Cuckoo paper's Table 1 for this toolchain.
#
#   run-bench.sh [-n RUNS] [CUCKOO_CC [BUILDDIR]]
#
# Builds each benchmark (find-primes, subset-sum, producer-consumer) with
# `cuckoo-cc -O2` and its C twin with `gcc -m32 -msse2 -mfpmath=sse` at -O0
# and -O2, runs the three programs alternately RUNS times (default 5, or
# $BENCH_RUNS) under $CUCKOO_RUN (empty: directly), checks that every run of
# every build prints the same line, and prints the median wall times, their
# ratios, the median CPU times (bench-time.c, built with $HOSTCC), the
# guest instruction counts (QEMU plugin qemu-icount.c, when
# qemu-i386 and the plugin's source are available; "n/a" otherwise) and
# `size` of each program.  Nothing is asserted about speed; the script fails
# only when something does not build, exits non-zero or prints a different
# line.  doc/bench.md explains how to read the table.
#
# CUCKOO_CC: argument 1, else $CUCKOO_CC, else ../../cc/cuckoo-cc relative to
# BUILDDIR.  When CUCKOO_CC is the one of a build tree (TOP/cc/cuckoo-cc with
# TOP/tld/cuckoo-ld and TOP/rt/libcuckoo-rt.a), CUCKOO_LD, CUCKOO_RUNTIME_DIR
# and CUCKOO_INCLUDE_DIR default to that tree (cuckoo.ckh from the source
# tree of this script), as in `make check`; values in the environment win.
# BUILDDIR (where everything is written): argument 2, else $BENCH_BUILDDIR,
# else ./bench-build.  The sources are read from the directory of this
# script (VPATH builds work: the source tree is never written).  Extra
# cuckoo-cc options: $CUCKOO_CFLAGS; the C compiler: $GCC (default gcc).
# The plugin source: $CUCKOO_SHARED_TOOLS/qemu-icount.c, else
# ../shared/tools/qemu-icount.c relative to the top of the source tree; it
# is built with $HOSTCC (default gcc) and needs no QEMU or glib headers.
# If cuckoo-cc is missing, its columns are "n/a" (the C twins still run).

set -u
runs=${BENCH_RUNS:-5}
if [ "${1-}" = -n ]; then
    runs=$2
    shift 2
fi
case $runs in ''|*[!0-9]*|0) echo "run-bench.sh: bad run count '$runs'" >&2; exit 2 ;; esac

srcdir=$(cd "$(dirname "$0")" && pwd)
top_srcdir=$(cd "$srcdir/../.." && pwd)
build=${2:-${BENCH_BUILDDIR:-bench-build}}
mkdir -p "$build" || exit 2
build=$(cd "$build" && pwd)
cc=${1:-${CUCKOO_CC:-$build/../../cc/cuckoo-cc}}
case $cc in /*) ;; */*) cc=$(pwd)/$cc ;; *) cc=$(command -v "$cc" || echo "$cc") ;; esac
run=${CUCKOO_RUN-}
gcc=${GCC:-gcc}
gccflags="-m32 -msse2 -mfpmath=sse -pthread"
benches="find-primes subset-sum producer-consumer"
variants="cuckoo gcc-O0 gcc-O2"

have_cuckoo=yes
if [ ! -x "$cc" ]; then
    echo "run-bench.sh: warning: $cc not found; Cuckoo columns will be n/a" >&2
    have_cuckoo=no
fi

# A cuckoo-cc in a build tree (BUILD/cc/cuckoo-cc) is not installed: point it
# at that tree's linker and runtime and at the source tree's cuckoo.ckh, as
# `make check` does.  Variables already set in the environment win; an
# installed cuckoo-cc needs none of them.
if [ $have_cuckoo = yes ]; then
    cctop=$(cd "$(dirname "$cc")/.." && pwd)
    if [ -x "$cctop/tld/cuckoo-ld" ] && [ -f "$cctop/rt/libcuckoo-rt.a" ]; then
        : "${CUCKOO_LD:=$cctop/tld/cuckoo-ld}"
        : "${CUCKOO_RUNTIME_DIR:=$cctop/rt}"
        if [ -z "${CUCKOO_INCLUDE_DIR-}" ]; then
            if [ -f "$cctop/rt/cuckoo.ckh" ]; then CUCKOO_INCLUDE_DIR=$cctop/rt
            else CUCKOO_INCLUDE_DIR=$top_srcdir/rt; fi
        fi
        export CUCKOO_LD CUCKOO_RUNTIME_DIR CUCKOO_INCLUDE_DIR
    fi
fi

# ---- build -----------------------------------------------------------------
for b in $benches; do
    if [ $have_cuckoo = yes ]; then
        (cd "$srcdir" && "$cc" -O2 ${CUCKOO_CFLAGS-} -o "$build/$b-cuckoo" "$b.ck") ||
            { echo "run-bench.sh: cuckoo-cc failed on $b.ck" >&2; exit 1; }
    fi
    $gcc $gccflags -O0 -o "$build/$b-gcc-O0" "$srcdir/$b.c" &&
    $gcc $gccflags -O2 -o "$build/$b-gcc-O2" "$srcdir/$b.c" ||
        { echo "run-bench.sh: gcc failed on $b.c" >&2; exit 1; }
done

# ---- the instruction-count plugin -----------------------------------------
qemu=
case $run in
    *qemu-i386*) qemu=$run ;;
    *) command -v qemu-i386 >/dev/null 2>&1 && qemu=qemu-i386 ;;
esac
plugin=
plugin_src=
for d in ${CUCKOO_SHARED_TOOLS:+"$CUCKOO_SHARED_TOOLS"} "$top_srcdir/../shared/tools"; do
    if [ -f "$d/qemu-icount.c" ]; then plugin_src=$d/qemu-icount.c; break; fi
done
if [ -n "$qemu" ] && [ -n "$plugin_src" ]; then
    if ${HOSTCC:-gcc} -O2 -shared -fPIC -o "$build/qemu-icount.so" "$plugin_src" 2>"$build/plugin.log"; then
        plugin=$build/qemu-icount.so
    else
        echo "run-bench.sh: warning: could not build the QEMU plugin (see $build/plugin.log)" >&2
    fi
fi

# ---- the timer: wall and CPU time of each run (bench-time.c) ----------------
timer=
if ${HOSTCC:-gcc} -O2 -o "$build/bench-time" "$srcdir/bench-time.c" 2>"$build/bench-time.log"; then
    timer=$build/bench-time
else
    echo "run-bench.sh: warning: could not build bench-time (see $build/bench-time.log);" \
         "wall times from date(1), CPU times n/a" >&2
fi

# ---- run ----------------------------------------------------------------------
now() { date +%s.%N; }

# prog_of BENCH VARIANT: the program, or nothing when it was not built
prog_of() {
    [ -x "$build/$1-$2" ] && echo "$build/$1-$2"
}

# Each run's output is compared with the first run of gcc -O2 (the
# reference), so a program that prints a different line on any run -- a
# race, a miscompilation -- fails the benchmark rather than being timed.
for b in $benches; do
    for v in $variants; do : >"$build/$b-$v.times"; rm -f "$build/$b-$v.stdout"; done
    ref=$build/$b.expected
    rm -f "$ref"
    i=0
    while [ $i -lt "$runs" ]; do
        for v in gcc-O2 gcc-O0 cuckoo; do  # the reference first
            p=$(prog_of $b $v) || continue
            if [ -n "$timer" ]; then
                "$timer" "$build/$b-$v.times" $run "$p" >"$build/$b-$v.stdout" 2>"$build/$b-$v.stderr"
                st=$?
            else
                t0=$(now)
                $run "$p" >"$build/$b-$v.stdout" 2>"$build/$b-$v.stderr"
                st=$?
                t1=$(now)
                echo "$t0 $t1" | awk '{ printf "%.6f n/a\n", $2 - $1 }' >>"$build/$b-$v.times"
            fi
            if [ $st -ne 0 ]; then
                echo "run-bench.sh: $b-$v exited with status $st" >&2
                cat "$build/$b-$v.stderr" >&2
                exit 1
            fi
            if [ ! -f "$ref" ]; then
                if [ ! -s "$build/$b-$v.stdout" ]; then
                    echo "run-bench.sh: $b-$v printed nothing" >&2
                    exit 1
                fi
                cp "$build/$b-$v.stdout" "$ref"
            elif ! cmp -s "$ref" "$build/$b-$v.stdout"; then
                echo "run-bench.sh: $b: output of $b-$v (run $((i + 1))) differs from the reference:" >&2
                diff "$ref" "$build/$b-$v.stdout" >&2
                exit 1
            fi
        done
        i=$((i + 1))
    done
    printf '%-22s %s\n' "$b:" "outputs agree ($runs runs of each build): $(cat "$ref")"
done

median() {  # median of column $2 (default 1) of the numbers in file $1
    awk -v c="${2:-1}" '$c != "n/a" { print $c }' "$1" | sort -n | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "n/a"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

icount() {  # instruction count of program $1, or n/a
    if [ -z "$plugin" ] || [ -z "$1" ]; then echo n/a; return; fi
    n=$($qemu -plugin "$plugin" -d plugin "$1" 2>&1 >/dev/null | sed -n 's/^icount: //p' | tail -n 1)
    echo "${n:-n/a}"
}

secs() {  # a time with 3 decimals, or n/a
    echo "$1" | awk '$1 == "n/a" { print "n/a"; next } { printf "%.3f\n", $1 }'
}

ratio() {  # a / b with 2 decimals, or n/a
    echo "$1 $2" | awk '$1 == "n/a" || $2 == "n/a" || $2 == 0 { print "n/a"; next }
                        { printf "%.2f\n", $1 / $2 }'
}

sizes() {  # text data bss of program $1
    if [ -z "$1" ]; then echo "n/a n/a n/a"; return; fi
    size "$1" | awk 'NR == 2 { print $1, $2, $3 }'
}

gccv=$($gcc -dumpfullversion 2>/dev/null || $gcc -dumpversion)
echo
echo "cuckoo = cuckoo-cc -O2${CUCKOO_CFLAGS:+ $CUCKOO_CFLAGS}; gcc-O0/-O2 = gcc $gccv $gccflags -O0/-O2"
echo "c/O0, c/O2 = cuckoo over gcc -O0, over gcc -O2 (below 1: cuckoo-cc is faster)"
echo
for col in 1 2; do
    if [ $col = 1 ]; then
        echo "Wall time, median of $runs runs${run:+ under $run}, seconds:"
    else
        echo "CPU time (user + system, all threads${run:+, of $run}), median of $runs runs, seconds:"
    fi
    printf '%-20s %9s %9s %9s %7s %7s\n' benchmark cuckoo gcc-O0 gcc-O2 c/O0 c/O2
    for b in $benches; do
        tc=$(median "$build/$b-cuckoo.times" $col); t0=$(median "$build/$b-gcc-O0.times" $col)
        t2=$(median "$build/$b-gcc-O2.times" $col)
        printf '%-20s %9s %9s %9s %7s %7s\n' "$b" "$(secs $tc)" "$(secs $t0)" "$(secs $t2)" \
            "$(ratio $tc $t0)" "$(ratio $tc $t2)"
    done
    echo
done
echo "Guest instructions executed (QEMU plugin qemu-icount, one run each):"
printf '%-20s %13s %13s %13s %7s %7s\n' benchmark cuckoo gcc-O0 gcc-O2 c/O0 c/O2
fp_ratio=n/a
for b in $benches; do
    ic=$(icount "$(prog_of $b cuckoo)"); i0=$(icount "$(prog_of $b gcc-O0)")
    i2=$(icount "$(prog_of $b gcc-O2)")
    r0=$(ratio $ic $i0)
    [ $b = find-primes ] && fp_ratio=$r0
    mark=
    case $b in subset-sum|producer-consumer) [ "$ic" != n/a ] && mark='*' ;; esac
    printf '%-20s %13s %13s %13s %7s %7s\n' "$b$mark" "$ic" "$i0" "$i2" "$r0" "$(ratio $ic $i2)"
done
if [ -n "$plugin" ]; then
    echo "* multi-threaded: the count is approximate (the plugin's shared counter can lose"
    echo "  increments; producer-consumer's also depends on how often the threads block)."
    echo "find-primes: cuckoo-cc executes $fp_ratio x the instructions of gcc -O0 (goal: at most 1.10)"
fi
echo
echo "Sizes in bytes (size(1); cuckoo includes the Cuckoo runtime, gcc links libc dynamically):"
printf '%-20s %-8s %9s %9s %9s\n' benchmark build text data bss
for b in $benches; do
    for v in $variants; do
        printf '%-20s %-8s %9s %9s %9s\n' "$b" "$v" $(sizes "$(prog_of $b $v)")
    done
done
