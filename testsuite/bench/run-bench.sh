#!/bin/sh
# run-bench.sh -- cuckoo-cc's code and compile time against gcc's.
#
#   run-bench.sh [-n RUNS] [CUCKOO_CC [BUILDDIR]]
#   run-bench.sh --smoke [CUCKOO_CC [BUILDDIR]]
#
# Builds every benchmark of this directory (NAME.ck with `cuckoo-cc -O2`,
# its line-for-line C twin NAME.c with `gcc -m32 -msse2 -mfpmath=sse` at
# -O0, at -O2 and at -O2 -fno-tree-vectorize, the scalar baseline), runs
# the builds of each alternately RUNS times (default 5, or $BENCH_RUNS)
# under $CUCKOO_RUN (empty: directly), checks that every run of every build
# prints the same line, and prints the median wall and CPU times (bench-
# time.c, built with $HOSTCC), the guest instruction counts (QEMU plugin
# qemu-icount.c, when qemu-i386 and the plugin's source are available; "n/a"
# otherwise) with their ratios and geometric mean against the scalar
# baseline, the issue 9 targets marked, and the compile time of cuckoo-cc
# -O2 against gcc -m32 -O0 for all sources.  Nothing is asserted about
# speed; the script fails only when something does not build, exits
# non-zero or prints a different line.  doc/bench.md explains the table.
#
# --smoke (part of `make check`): each pair built with cuckoo-cc -O2 and gcc
# -O0/-O2 at tiny sizes (the -D options in smoke_defs below), run once each,
# the lines compared; no timing, no instruction counts.
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
# $BENCH_ONLY: a space-separated subset of the benchmarks to run.
# The plugin source: $CUCKOO_SHARED_TOOLS/qemu-icount.c, else
# ../shared/tools/qemu-icount.c relative to the top of the source tree (or
# ../../shared/tools, for a git worktree one level deeper); it
# is built with $HOSTCC (default gcc) and needs no QEMU or glib headers.
# The multi-threaded benchmarks are counted with qemu-icount-mt.c of this
# directory instead (atomic adds: that plugin's shared counter loses counts
# between threads).
# If cuckoo-cc is missing, its columns are "n/a" (the C twins still run).

set -u
runs=${BENCH_RUNS:-5}
smoke=no
case ${1-} in
    -n) runs=$2; shift 2 ;;
    --smoke) smoke=yes; runs=1; shift ;;
esac
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

# The paper's three first, then one program per kind of code the optimiser
# must handle (doc/bench.md has the list).
all_benches="find-primes subset-sum producer-consumer matmul quicksort
binary-trees list-sort hash-table parse-bytes nbody histogram-mt"
benches=${BENCH_ONLY:-$all_benches}
# The multi-threaded ones: their instruction counts are approximate.
threaded=" subset-sum producer-consumer histogram-mt "
# gcc-O2s: -O2 -fno-tree-vectorize, the scalar baseline of issue 9's targets
variants="cuckoo gcc-O0 gcc-O2 gcc-O2s"

# smoke_defs NAME: the -D options that make NAME's run take milliseconds
smoke_defs() {
    case $1 in
        find-primes) echo -DREPEAT=20 ;;
        subset-sum) echo -DCOUNT=21 ;;
        producer-consumer) echo -DITEMS=3000 ;;
        matmul) echo -DN=16 -DREPEAT=3 ;;
        quicksort) echo -DN=3000 -DREPEAT=2 ;;
        binary-trees) echo -DDEPTH=6 ;;
        list-sort) echo -DN=1000 -DREPEAT=2 ;;
        hash-table) echo -DOPS=5000 -DREPEAT=2 ;;
        parse-bytes) echo -DLINES=300 -DREPEAT=2 ;;
        nbody) echo -DSTEPS=1000 ;;
        histogram-mt) echo -DITEMS=100000 ;;
        *) return 1 ;;
    esac
}

# Every pair of the directory is in the list, and has its smoke sizes.
# (A .ck without a .c twin is another script's: run-domain-bench.sh's
# pipeline, the channel ping-pong of `make bench`.)
for f in "$srcdir"/*.ck; do
    b=$(basename "$f" .ck)
    [ -f "$srcdir/$b.c" ] || continue
    case " $(echo $all_benches) " in
        *" $b "*) ;;
        *) echo "run-bench.sh: $b.ck is not in all_benches of run-bench.sh" >&2; exit 2 ;;
    esac
    smoke_defs $b >/dev/null ||
        { echo "run-bench.sh: $b has no smoke sizes in smoke_defs of run-bench.sh" >&2; exit 2; }
done

for b in $benches; do
    if [ ! -f "$srcdir/$b.ck" ] || [ ! -f "$srcdir/$b.c" ]; then
        echo "run-bench.sh: no benchmark pair $b.ck, $b.c in $srcdir" >&2
        exit 2
    fi
done

have_cuckoo=yes
if [ ! -x "$cc" ]; then
    echo "run-bench.sh: warning: $cc not found; Cuckoo columns will be n/a" >&2
    have_cuckoo=no
    [ $smoke = yes ] && { echo "run-bench.sh: --smoke needs cuckoo-cc" >&2; exit 1; }
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

# ---- the timer: wall and CPU time of each run (bench-time.c) ----------------
timer=
if [ $smoke = no ]; then
    if ${HOSTCC:-gcc} -O2 -o "$build/bench-time" "$srcdir/bench-time.c" 2>"$build/bench-time.log"; then
        timer=$build/bench-time
    else
        echo "run-bench.sh: warning: could not build bench-time (see $build/bench-time.log);" \
             "wall times from date(1), CPU times n/a" >&2
    fi
fi
now() { date +%s.%N; }

# timed FILE COMMAND...: run COMMAND, append "WALL CPU" to FILE
timed() {
    tfile=$1
    shift
    if [ -n "$timer" ]; then
        "$timer" "$tfile" "$@"
    else
        t0=$(now)
        "$@"
        tst=$?
        t1=$(now)
        echo "$t0 $t1" | awk '{ printf "%.6f n/a\n", $2 - $1 }' >>"$tfile"
        return $tst
    fi
}

# ---- build -----------------------------------------------------------------
# flags_of VARIANT: gcc's optimisation flags for a gcc variant
flags_of() {
    case $1 in
        gcc-O0) echo -O0 ;;
        gcc-O2) echo -O2 ;;
        gcc-O2s) echo -O2 -fno-tree-vectorize ;;
    esac
}

for b in $benches; do
    defs=
    [ $smoke = yes ] && defs=$(smoke_defs $b)
    if [ $have_cuckoo = yes ]; then
        rm -f "$build/$b-cuckoo"
        (cd "$srcdir" && "$cc" -O2 ${CUCKOO_CFLAGS-} $defs -o "$build/$b-cuckoo" "$b.ck") ||
            { echo "run-bench.sh: cuckoo-cc failed on $b.ck" >&2; exit 1; }
    fi
    for v in $variants; do
        [ $v = cuckoo ] && continue
        [ $smoke = yes ] && [ $v = gcc-O2s ] && continue
        $gcc $gccflags $(flags_of $v) $defs -o "$build/$b-$v" "$srcdir/$b.c" -lm ||
            { echo "run-bench.sh: gcc $(flags_of $v) failed on $b.c" >&2; exit 1; }
    done
done

# ---- run ----------------------------------------------------------------------
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
        for v in gcc-O2 gcc-O2s gcc-O0 cuckoo; do  # the reference first
            p=$(prog_of $b $v) || continue
            if [ $smoke = yes ]; then
                $run "$p" >"$build/$b-$v.stdout" 2>"$build/$b-$v.stderr"
            else
                timed "$build/$b-$v.times" $run "$p" >"$build/$b-$v.stdout" 2>"$build/$b-$v.stderr"
            fi
            st=$?
            if [ $st -ne 0 ]; then
                echo "run-bench.sh: $b-$v exited with status $st" >&2
                cat "$build/$b-$v.stderr" >&2
                exit 1
            fi
            if [ ! -f "$ref" ]; then
                if [ ! -s "$build/$b-$v.stdout" ] || [ "$(wc -l <"$build/$b-$v.stdout")" -ne 1 ]; then
                    echo "run-bench.sh: $b-$v did not print one line" >&2
                    cat "$build/$b-$v.stdout" >&2
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
    printf '%-20s %s\n' "$b:" "outputs agree ($runs run(s) of each build): $(cat "$ref")"
done
if [ $smoke = yes ]; then
    echo "run-bench.sh --smoke: every pair builds and agrees"
    exit 0
fi

# ---- compile time: cuckoo-cc -O2 against gcc -m32 -O0 ------------------------
# Per source: compile to an object (-c), and build the program (compile +
# link; cuckoo-cc's link runs cuckoo-ld, which checks the proof of every
# function), RUNS times each, the two compilers alternately.  The builds
# above warmed the caches.
for b in $benches; do
    for k in cc-c gcc-c cc-link gcc-link; do : >"$build/$b-$k.ctimes"; done
    i=0
    while [ $i -lt "$runs" ]; do
        if [ $have_cuckoo = yes ]; then
            (cd "$srcdir" && timed "$build/$b-cc-c.ctimes" "$cc" -O2 ${CUCKOO_CFLAGS-} -c \
                 -o "$build/$b-cuckoo.o" "$b.ck") ||
                { echo "run-bench.sh: cuckoo-cc -c failed on $b.ck" >&2; exit 1; }
            (cd "$srcdir" && timed "$build/$b-cc-link.ctimes" "$cc" -O2 ${CUCKOO_CFLAGS-} \
                 -o "$build/$b-cuckoo.ctime" "$b.ck") ||
                { echo "run-bench.sh: cuckoo-cc failed on $b.ck" >&2; exit 1; }
        fi
        timed "$build/$b-gcc-c.ctimes" $gcc -m32 -O0 -c -o "$build/$b-gcc.o" "$srcdir/$b.c" &&
        timed "$build/$b-gcc-link.ctimes" $gcc $gccflags -O0 -o "$build/$b-gcc.ctime" "$srcdir/$b.c" -lm ||
            { echo "run-bench.sh: gcc -O0 failed on $b.c" >&2; exit 1; }
        i=$((i + 1))
    done
    rm -f "$build/$b-cuckoo.o" "$build/$b-gcc.o" "$build/$b-cuckoo.ctime" "$build/$b-gcc.ctime"
done

# ---- the instruction-count plugin -----------------------------------------
qemu=
case $run in
    *qemu-i386*) qemu=$run ;;
    *) command -v qemu-i386 >/dev/null 2>&1 && qemu=qemu-i386 ;;
esac
plugin=
plugin_src=
for d in ${CUCKOO_SHARED_TOOLS:+"$CUCKOO_SHARED_TOOLS"} "$top_srcdir/../shared/tools" \
         "$top_srcdir/../../shared/tools"; do
    if [ -f "$d/qemu-icount.c" ]; then plugin_src=$d/qemu-icount.c; break; fi
done
if [ -n "$qemu" ] && [ -n "$plugin_src" ]; then
    if ${HOSTCC:-gcc} -O2 -shared -fPIC -o "$build/qemu-icount.so" "$plugin_src" 2>"$build/plugin.log"; then
        plugin=$build/qemu-icount.so
    else
        echo "run-bench.sh: warning: could not build the QEMU plugin (see $build/plugin.log)" >&2
    fi
fi

# ---- the tables ----------------------------------------------------------------
median() {  # median of column $2 (default 1) of the numbers in file $1
    awk -v c="${2:-1}" '$c != "n/a" { print $c }' "$1" | sort -n | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "n/a"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# qemu-icount.c's counter is one shared word that every guest thread adds
# to without a lock, and it loses a time slice's increments whenever a
# thread is preempted inside an add (20 to 40 % of subset-sum's).  The
# multi-threaded benchmarks are counted with qemu-icount-mt.c of this
# directory, which adds atomically: exact, and repeatable.
plugin_mt=
if [ -n "$plugin" ]; then
    if ${HOSTCC:-gcc} -O2 -shared -fPIC -o "$build/qemu-icount-mt.so" "$srcdir/qemu-icount-mt.c" \
           2>"$build/plugin-mt.log"; then
        plugin_mt=$build/qemu-icount-mt.so
    else
        echo "run-bench.sh: warning: could not build qemu-icount-mt.c (see $build/plugin-mt.log);" \
             "the threaded benchmarks' counts will be low" >&2
        plugin_mt=$plugin
    fi
fi

icount() {  # instruction count of program $1 (of benchmark $2), or n/a
    if [ -z "$plugin" ] || [ -z "$1" ]; then echo n/a; return; fi
    p=$plugin
    is_threaded $2 && p=$plugin_mt
    n=$($qemu -plugin "$p" -d plugin "$1" 2>&1 >/dev/null | sed -n 's/^icount: //p' | tail -n 1)
    echo "${n:-n/a}"
}

secs() {  # a time with 3 decimals, or n/a
    echo "$1" | awk '$1 == "n/a" { print "n/a"; next } { printf "%.3f\n", $1 }'
}

ratio() {  # a / b with 2 decimals, or n/a
    echo "$1 $2" | awk '$1 == "n/a" || $2 == "n/a" || $2 == 0 { print "n/a"; next }
                        { printf "%.2f\n", $1 / $2 }'
}

is_threaded() {
    case $threaded in *" $1 "*) return 0 ;; esac
    return 1
}

gccv=$($gcc -dumpfullversion 2>/dev/null || $gcc -dumpversion)
echo
echo "cuckoo  = cuckoo-cc -O2${CUCKOO_CFLAGS:+ $CUCKOO_CFLAGS}"
echo "gcc-O0, gcc-O2, gcc-O2s = gcc $gccv $gccflags -O0, -O2, -O2 -fno-tree-vectorize"
echo "c/O0, c/O2, c/O2s = cuckoo over gcc-O0, gcc-O2, gcc-O2s (below 1: cuckoo-cc is better)"
echo "* multi-threaded"
echo
for col in 1 2; do
    if [ $col = 1 ]; then
        echo "Wall time, median of $runs runs${run:+ under $run}, seconds:"
    else
        echo "CPU time (user + system, all threads${run:+, of $run}), median of $runs runs, seconds:"
    fi
    printf '%-19s %8s %8s %8s %8s %6s %6s %6s\n' benchmark cuckoo gcc-O0 gcc-O2 gcc-O2s c/O0 c/O2 c/O2s
    for b in $benches; do
        tc=$(median "$build/$b-cuckoo.times" $col); t0=$(median "$build/$b-gcc-O0.times" $col)
        t2=$(median "$build/$b-gcc-O2.times" $col); ts=$(median "$build/$b-gcc-O2s.times" $col)
        star=; is_threaded $b && star='*'
        printf '%-19s %8s %8s %8s %8s %6s %6s %6s\n' "$b$star" "$(secs $tc)" "$(secs $t0)" \
            "$(secs $t2)" "$(secs $ts)" "$(ratio $tc $t0)" "$(ratio $tc $t2)" "$(ratio $tc $ts)"
    done
    echo
done

echo "Guest instructions executed (QEMU plugin qemu-icount, one run each), in millions;"
echo "issue 9's targets on c/O2s: geometric mean <= 1.30, every program <= 1.80, find-primes <= 1.30"
echo "(! marks a row over its target):"
printf '%-19s %9s %9s %9s %9s %6s %6s %6s\n' benchmark cuckoo gcc-O0 gcc-O2 gcc-O2s c/O0 c/O2 c/O2s
: >"$build/ratios"
for b in $benches; do
    ic=$(icount "$(prog_of $b cuckoo)" $b); i0=$(icount "$(prog_of $b gcc-O0)" $b)
    i2=$(icount "$(prog_of $b gcc-O2)" $b); is=$(icount "$(prog_of $b gcc-O2s)" $b)
    rs=$(ratio $ic $is)
    mark=
    if [ "$rs" != n/a ]; then
        echo "$b $ic $is" >>"$build/ratios"
        limit=1.80
        [ $b = find-primes ] && limit=1.30
        mark=$(echo "$rs $limit" | awk '{ print ($1 > $2) ? "!" : "" }')
    fi
    star=; is_threaded $b && star='*'
    printf '%-19s %9s %9s %9s %9s %6s %6s %6s%s\n' "$b$star" \
        "$(echo $ic | awk '$1 == "n/a" { print; next } { printf "%.1f\n", $1 / 1e6 }')" \
        "$(echo $i0 | awk '$1 == "n/a" { print; next } { printf "%.1f\n", $1 / 1e6 }')" \
        "$(echo $i2 | awk '$1 == "n/a" { print; next } { printf "%.1f\n", $1 / 1e6 }')" \
        "$(echo $is | awk '$1 == "n/a" { print; next } { printf "%.1f\n", $1 / 1e6 }')" \
        "$(ratio $ic $i0)" "$(ratio $ic $i2)" "$rs" "$mark"
done
if [ -s "$build/ratios" ]; then
    awk -v threaded="$threaded" '{ r = log($2 / $3); s += r; n++
                                   if (index(threaded, " " $1 " ") == 0) { t += r; m++ } }
         END { g = exp(s / n); printf "geometric mean of c/O2s over %d programs: %.2f%s", n, g, (g > 1.30 ? " !" : "");
               if (m) printf "  (over the %d single-threaded ones: %.2f)", m, exp(t / m); printf "\n" }' \
        "$build/ratios"
    if [ "$plugin_mt" = "$build/qemu-icount-mt.so" ]; then
        echo "* counted with qemu-icount-mt.c (atomic adds, exact); producer-consumer's count"
    else
        echo "* approximate: qemu-icount.c's shared counter loses increments between threads;"
        echo "  producer-consumer's count also"
    fi
    echo "  depends on how often the threads block (each build's own mutex and scheduling)."
else
    echo "(no instruction counts: qemu-i386 or the plugin's source qemu-icount.c not found)"
fi
echo

echo "Compile time, median of $runs runs, wall seconds (CPU seconds of the compiler and its children"
echo "in the totals): -c = to an object; build = to a program (cuckoo-cc's link runs cuckoo-ld)."
echo "Issue 9's target: cuckoo-cc -O2 no slower than gcc -m32 -O0 (! marks the totals over it)."
printf '%-19s %9s %9s %6s %9s %9s %6s\n' source 'cc -c' 'gcc -c' ratio 'cc build' 'gcc bld' ratio
for b in $benches; do
    a=$(median "$build/$b-cc-c.ctimes"); g=$(median "$build/$b-gcc-c.ctimes")
    al=$(median "$build/$b-cc-link.ctimes"); gl=$(median "$build/$b-gcc-link.ctimes")
    printf '%-19s %9s %9s %6s %9s %9s %6s\n' "$b" "$(secs $a)" "$(secs $g)" "$(ratio $a $g)" \
        "$(secs $al)" "$(secs $gl)" "$(ratio $al $gl)"
done
for col in 1 2; do
    tot() {  # the sum over the benchmarks of the medians of column $col of *-$1.ctimes
        for b in $benches; do median "$build/$b-$1.ctimes" $col; done |
            awk '$1 == "n/a" { bad = 1 } { s += $1 } END { if (bad || NR == 0) print "n/a"; else printf "%.6f\n", s }'
    }
    a=$(tot cc-c); g=$(tot gcc-c); al=$(tot cc-link); gl=$(tot gcc-link)
    r1=$(ratio $a $g); r2=$(ratio $al $gl)
    m1=$(echo $r1 | awk '$1 != "n/a" && $1 > 1 { print "!" }'); m2=$(echo $r2 | awk '$1 != "n/a" && $1 > 1 { print "!" }')
    label="total, wall"; [ $col = 2 ] && label="total, CPU"
    printf '%-19s %9s %9s %6s %9s %9s %6s\n' "$label" "$(secs $a)" "$(secs $g)" "$r1$m1" \
        "$(secs $al)" "$(secs $gl)" "$r2$m2"
done
echo

echo "Sizes in bytes (size(1); cuckoo includes the Cuckoo runtime, gcc links libc dynamically):"
printf '%-19s %9s %9s %9s %9s\n' benchmark 'cc text' 'cc data' 'cc bss' 'O2 text'
for b in $benches; do
    c=$(size "$build/$b-cuckoo" 2>/dev/null | awk 'NR == 2 { print $1, $2, $3 }')
    g=$(size "$build/$b-gcc-O2" 2>/dev/null | awk 'NR == 2 { print $1 }')
    printf '%-19s %9s %9s %9s %9s\n' "$b" ${c:-n/a n/a n/a} "${g:-n/a}"
done
