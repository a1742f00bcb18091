#!/bin/sh
# bench/smoke.sh -- the benchmarks' smoke test in `make check`: every pair
# bench/NAME.ck + NAME.c builds (cuckoo-cc -O2, gcc -m32 -O0 and -O2) and
# the builds print the same line, at tiny sizes (run-bench.sh --smoke; a
# few seconds).  Nothing is timed.  Skipped (77) when gcc cannot build i386
# programs.  Runs with make check's environment (CUCKOO_CC, CUCKOO_LD, ...).
gcc=${GCC:-gcc}
probe=bench-smoke-probe.$$
printf 'int main(void) { return 0; }\n' >"$probe.c"
if ! $gcc -m32 -msse2 -mfpmath=sse -pthread -o "$probe" "$probe.c" -lm >/dev/null 2>&1; then
    rm -f "$probe" "$probe.c"
    echo "bench/smoke.sh: $gcc cannot build i386 programs; skipped"
    exit 77
fi
rm -f "$probe" "$probe.c"
exec "${SHELL:-/bin/sh}" "$srcdir/bench/run-bench.sh" --smoke "$CUCKOO_CC" bench-smoke
