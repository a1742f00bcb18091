#!/bin/sh
# run-httpd-bench.sh -- requests per second of examples/httpd.ck against
# its C twin examples/httpd.c (part of `make bench`; doc/bench.md).
#
#   run-httpd-bench.sh [-n RUNS] [CUCKOO_CC [BUILDDIR]]
#
# Builds httpd.ck with `cuckoo-cc -O2` and httpd.c with `gcc -m32 -O2
# -pthread`, and the load generator http-load.c and the timer bench-time.c
# natively with $HOSTCC.  For each of two workloads (a 1 KiB file and a
# 64 KiB file) it runs each server RUNS times (default 5, or $BENCH_RUNS),
# the two servers alternately: the server starts under $CUCKOO_RUN with 4
# worker threads and -n (it exits by itself after the last connection),
# http-load sends the requests from 4 client threads, one connection per
# request, and checks every answer (status 200, as many body bytes as the
# Content-Length).  It prints the median requests per second and the
# median CPU time of the server per request (user + system, all threads,
# from bench-time; of qemu-i386 when emulated).  When qemu-i386 and the
# plugin source qemu-icount.c are there (as for run-bench.sh), it also
# counts the guest instructions each server executes per request of the
# 1 KiB file: (count after N+1 requests - count after 1) / N, one client
# thread.  Nothing about speed is
# asserted: the script fails only when something does not build, a
# request fails, or a server does not exit with status 0.
#
# CUCKOO_CC, BUILDDIR and the toolchain variables as in run-bench.sh.
# $BENCH_HTTPD_REQUESTS: requests per client thread for the 1 KiB file
# (default 1000; the 64 KiB workload makes a quarter as many; the
# instruction count uses 2000 requests, or $BENCH_HTTPD_ICOUNT_REQUESTS).

set -u
runs=${BENCH_RUNS:-5}
if [ "${1-}" = -n ]; then
    runs=$2
    shift 2
fi
case $runs in ''|*[!0-9]*|0) echo "run-httpd-bench.sh: bad run count '$runs'" >&2; exit 2 ;; esac
per_client=${BENCH_HTTPD_REQUESTS:-1000}
case $per_client in ''|*[!0-9]*|0) echo "run-httpd-bench.sh: bad BENCH_HTTPD_REQUESTS" >&2; exit 2 ;; esac
clients=4
threads=4

srcdir=$(cd "$(dirname "$0")" && pwd)
top_srcdir=$(cd "$srcdir/../.." && pwd)
build=${2:-${BENCH_BUILDDIR:-bench-build}}
mkdir -p "$build" || exit 2
build=$(cd "$build" && pwd)
cc=${1:-${CUCKOO_CC:-$build/../../cc/cuckoo-cc}}
case $cc in /*) ;; */*) cc=$(pwd)/$cc ;; *) cc=$(command -v "$cc" || echo "$cc") ;; esac
run=${CUCKOO_RUN-}
gcc=${GCC:-gcc}
hostcc=${HOSTCC:-gcc}

if [ ! -x "$cc" ]; then
    echo "run-httpd-bench.sh: $cc not found" >&2
    exit 1
fi
# a cuckoo-cc in a build tree: its linker and runtime (as run-bench.sh)
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

die() { echo "run-httpd-bench.sh: $*" >&2; exit 1; }

# ---- build ---------------------------------------------------------------------
(cd "$top_srcdir/examples" && "$cc" -O2 ${CUCKOO_CFLAGS-} -o "$build/httpd-cuckoo" httpd.ck) ||
    die "cuckoo-cc failed on httpd.ck"
$gcc -m32 -O2 -pthread -o "$build/httpd-gcc-O2" "$top_srcdir/examples/httpd.c" ||
    die "gcc failed on httpd.c"
$hostcc -O2 -pthread -o "$build/http-load" "$srcdir/http-load.c" || die "$hostcc failed on http-load.c"
$hostcc -O2 -o "$build/bench-time" "$srcdir/bench-time.c" || die "$hostcc failed on bench-time.c"

www=$build/httpd-www
mkdir -p "$www"
awk 'BEGIN { for (i = 0; i < 1024; i++) printf "%c", 32 + i % 95 }' </dev/null >"$www/small.html"
awk 'BEGIN { for (i = 0; i < 65536; i++) printf "%c", (i * 131 + 7) % 256 }' </dev/null >"$www/page.bin"
[ "$(wc -c <"$www/page.bin")" -eq 65536 ] || die "awk wrote $(wc -c <"$www/page.bin") bytes, not 65536"

# one VARIANT WORKLOAD PATH REQUESTS: one server run; appends "RPS CPU" to
# $build/httpd-VARIANT-WORKLOAD.results
one() {
    # (sh has no local variables: none of these names is used outside)
    out=$build/httpd-$1.out
    total=$((clients * $4))
    : >"$out"
    "$build/bench-time" "$build/httpd-$1-$2.cpu" $run "$build/httpd-$1" -p 0 -t $threads \
        -n $total -i 60 "$www" >"$out" 2>"$build/httpd-$1.err" &
    pid=$!
    tries=0
    while ! grep -q '^httpd: serving' "$out"; do
        tries=$((tries + 1))
        [ $tries -le 100 ] || { kill $pid; die "httpd-$1 did not start"; }
        sleep 0.1
    done
    port=$(sed -n 's|^httpd: serving .* on http://127.0.0.1:\([0-9]*\)/ .*|\1|p' "$out")
    "$build/http-load" "$port" $clients "$4" "$3" >"$build/httpd-load.out" ||
        { kill $pid; cat "$build/httpd-load.out" >&2; die "httpd-$1: requests failed"; }
    wait $pid || die "httpd-$1 exited with status $? ($(cat "$build/httpd-$1.err"))"
    rps=$(sed -n 's/.* rps \([0-9]*\) .*/\1/p' "$build/httpd-load.out")
    cpu=$(tail -n 1 "$build/httpd-$1-$2.cpu" | awk '{ print $2 }')
    echo "$rps $cpu $total" >>"$build/httpd-$1-$2.results"
}

workloads="1k 64k"
variants="gcc-O2 cuckoo"
for w in $workloads; do
    for v in $variants; do : >"$build/httpd-$v-$w.results"; : >"$build/httpd-$v-$w.cpu"; done
done
i=0
while [ $i -lt "$runs" ]; do
    for v in $variants; do
        one $v 1k /small.html "$per_client"
        one $v 64k /page.bin $(( (per_client + 3) / 4 ))
    done
    i=$((i + 1))
done

median() {  # median of column $2 of file $1
    awk -v c="$2" '{ print $c }' "$1" | sort -n | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "n/a"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# CPU microseconds per request, median over the runs
cpu_per_request() {
    awk '{ print $2 * 1e6 / $3 }' "$1" | sort -n | awk '{ v[NR] = $1 } END {
        if (NR % 2) printf "%.1f\n", v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() {
    echo "$1 $2" | awk '$1 == "n/a" || $2 == "n/a" || $2 == 0 { print "n/a"; next } { printf "%.2f\n", $1 / $2 }'
}

echo
echo "httpd: examples/httpd.ck (cuckoo-cc -O2) against examples/httpd.c (gcc -m32 -O2),"
echo "$threads worker threads, $clients client threads (http-load, one connection per request),"
echo "median of $runs runs${run:+ under $run}; c/O2 = cuckoo over gcc -O2"
echo
printf '%-22s %9s %9s %7s   %12s %12s %7s\n' workload "cuckoo" "gcc-O2" c/O2 "cuckoo" "gcc-O2" c/O2
printf '%-22s %9s %9s %7s   %12s %12s %7s\n' "" "req/s" "req/s" "" "CPU us/req" "CPU us/req" ""
for w in $workloads; do
    rc=$(median "$build/httpd-cuckoo-$w.results" 1); rg=$(median "$build/httpd-gcc-O2-$w.results" 1)
    cc_=$(cpu_per_request "$build/httpd-cuckoo-$w.results"); cg=$(cpu_per_request "$build/httpd-gcc-O2-$w.results")
    case $w in 1k) label="1 KiB file, $((clients * per_client)) req" ;;
               *) label="64 KiB file, $((clients * ((per_client + 3) / 4))) req" ;; esac
    printf '%-22s %9s %9s %7s   %12s %12s %7s\n' "$label" "$rc" "$rg" "$(ratio "$rc" "$rg")" \
        "$cc_" "$cg" "$(ratio "$cc_" "$cg")"
done
echo "(req/s: higher is better; CPU us/req: the server's CPU time per request, lower is better)"

# ---- guest instructions per request (QEMU plugin) ------------------------------
qemu=
case $run in
    *qemu-i386*) qemu=$run ;;
    *) command -v qemu-i386 >/dev/null 2>&1 && qemu=qemu-i386 ;;
esac
plugin_src=
for d in ${CUCKOO_SHARED_TOOLS:+"$CUCKOO_SHARED_TOOLS"} "$top_srcdir/../shared/tools" \
         "$top_srcdir/../../shared/tools"; do  # (the second: a git worktree one level deeper)
    if [ -f "$d/qemu-icount.c" ]; then plugin_src=$d/qemu-icount.c; break; fi
done
[ -n "$qemu" ] && [ -n "$plugin_src" ] ||
    { echo; echo "(no guest instruction counts: needs qemu-i386 and qemu-icount.c)"; exit 0; }
# The server runs several threads: count with qemu-icount-mt.c (atomic adds;
# qemu-icount.c's unlocked counter loses counts between threads, see
# run-bench.sh), or with qemu-icount.c if that one does not build.
if $hostcc -O2 -shared -fPIC -o "$build/qemu-icount-httpd.so" "$srcdir/qemu-icount-mt.c" \
       2>"$build/plugin-mt.log" ||
   $hostcc -O2 -shared -fPIC -o "$build/qemu-icount-httpd.so" "$plugin_src" 2>"$build/plugin.log"; then
    :
else
    echo; echo "(no guest instruction counts: the plugin does not build, see $build/plugin.log)"; exit 0
fi
icount_requests=${BENCH_HTTPD_ICOUNT_REQUESTS:-2000}
# icount VARIANT N: the guest instructions of one server run that answers
# N requests of the 1 KiB file from one client thread
icount() {
    out=$build/httpd-$1.out
    : >"$out"
    $qemu -plugin "$build/qemu-icount-httpd.so" -d plugin "$build/httpd-$1" -p 0 -t $threads \
        -n "$2" -i 60 "$www" >"$out" 2>"$build/httpd-$1.icount" &
    pid=$!
    tries=0
    while ! grep -q '^httpd: serving' "$out"; do
        tries=$((tries + 1))
        [ $tries -le 100 ] || { kill $pid; die "httpd-$1 did not start under $qemu"; }
        sleep 0.1
    done
    port=$(sed -n 's|^httpd: serving .* on http://127.0.0.1:\([0-9]*\)/ .*|\1|p' "$out")
    "$build/http-load" "$port" 1 "$2" /small.html >"$build/httpd-load.out" ||
        { kill $pid; die "httpd-$1: requests failed under $qemu"; }
    wait $pid || die "httpd-$1 exited with status $? under $qemu"
    sed -n 's/^icount: //p' "$build/httpd-$1.icount" | tail -n 1
}
echo
echo "Guest instructions per request of the 1 KiB file (QEMU plugin qemu-icount-mt, one client"
echo "thread, $icount_requests requests; the kernel's work is not counted):"
printf '%-22s %9s %9s %7s\n' "" cuckoo gcc-O2 c/O2
per_request() {  # VARIANT: instructions per request
    a=$(icount $1 1) || exit 1
    b=$(icount $1 $((icount_requests + 1))) || exit 1
    echo "$a $b" | awk -v n=$icount_requests '{ printf "%.0f\n", ($2 - $1) / n }'
}
per_cuckoo=$(per_request cuckoo) || exit 1
per_gcc=$(per_request gcc-O2) || exit 1
printf '%-22s %9s %9s %7s\n' "1 KiB file" "$per_cuckoo" "$per_gcc" "$(ratio "$per_cuckoo" "$per_gcc")"
