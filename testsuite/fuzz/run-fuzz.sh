#!/bin/sh
# run-fuzz.sh -- `make fuzz`: AFL++ on cuckoo-cc (see testsuite/README.md).
#
#   run-fuzz.sh SRCDIR WORKDIR
#
# SRCDIR is the top source directory, WORKDIR the fuzzing directory (made if
# needed; `make fuzz` uses _fuzz in the build tree).  Builds an instrumented,
# sanitized cuckoo-cc in WORKDIR/build, the harness (testsuite/fuzz/harness.c),
# minimises the seeds (every test program and testsuite/fuzz/seeds) with
# afl-cmin, then runs one afl-fuzz per mode in turn, niced, on one core:
#   syntax  cuckoo-cc -fsyntax-only
#   asm     cuckoo-cc -O2 -S, then `as --32` on the output
# Findings are in WORKDIR/out-MODE/default/{crashes,hangs}; the summary at
# the end lists them.  The corpus is kept: a second run resumes it.
#
# Environment: FUZZ_SECONDS (per mode, default 900), FUZZ_MODES (default
# "syntax asm"), CUCKOO_FUZZ_TIMEOUT (seconds per compilation, default 5),
# CUCKOO_FUZZ_KNOWN_AS (see harness.c), AFL_CC (default afl-clang-fast, else
# afl-gcc-fast).
set -eu
srcdir=$(cd "$1" && pwd)
work=$2
mkdir -p "$work"
work=$(cd "$work" && pwd)
seconds=${FUZZ_SECONDS:-900}
modes=${FUZZ_MODES:-"syntax asm"}
timeout=${CUCKOO_FUZZ_TIMEOUT:-5}

for tool in afl-fuzz afl-cmin; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "make fuzz: $tool not found: make fuzz needs AFL++ (Debian: apt-get install afl++)" >&2
    exit 1
  fi
done
afl_cc=${AFL_CC:-}
if [ -z "$afl_cc" ]; then
  for c in afl-clang-fast afl-gcc-fast; do
    if command -v $c >/dev/null 2>&1; then afl_cc=$c; break; fi
  done
fi
if [ -z "$afl_cc" ]; then
  echo "make fuzz: neither afl-clang-fast nor afl-gcc-fast found: install AFL++ (apt-get install afl++)" >&2
  exit 1
fi

# ---- the instrumented compiler: a separate configured tree, only cc/ built
# (configured with the ordinary compiler, which also builds the i386
# runtime; the instrumenting one compiles cuckoo-cc)
if [ ! -f "$work/build/config.status" ]; then
  mkdir -p "$work/build"
  (cd "$work/build" && "$srcdir/configure" --enable-sanitizers >configure.log 2>&1) || {
    echo "make fuzz: configuring the instrumented build failed: see $work/build/configure.log" >&2
    exit 1
  }
fi
(cd "$work/build/cc" && AFL_QUIET=1 nice make -j2 CC="$afl_cc" cuckoo-cc >make.log 2>&1) || {
  echo "make fuzz: building the instrumented cuckoo-cc failed: see $work/build/cc/make.log" >&2
  exit 1
}
# The harness is the fork server; the compiler it runs writes its coverage
# into the same shared map, which afl-fuzz sizes by the harness's own edge
# count.  Never-called functions give the harness as many edges as
# cuckoo-cc has, so the compiler's edges fit in the map.
edges=$(AFL_DUMP_MAP_SIZE=1 "$work/build/cc/cuckoo-cc" || true)
awk -v n="$edges" 'BEGIN { for (i = 0; i < n; i++) printf "void fuzz_map_pad_%d(void) {}\n", i }' \
  >"$work/map-pad.c"
AFL_QUIET=1 $afl_cc -O2 -Wall -o "$work/harness" "$srcdir/testsuite/fuzz/harness.c" "$work/map-pad.c"

CUCKOO_FUZZ_CC=$work/build/cc/cuckoo-cc
CUCKOO_FUZZ_INCLUDE=$srcdir/testsuite/fuzz/include
CUCKOO_INCLUDE_DIR=$srcdir/rt
CUCKOO_FUZZ_TIMEOUT=$timeout
# sanitizer reports must abort, not exit 1 like a diagnostic; a compiler
# that eats memory is a finding too
ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0:hard_rss_limit_mb=1500:malloc_limit_mb=1500
UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:symbolize=0
AFL_SKIP_CPUFREQ=1
AFL_NO_AFFINITY=1
AFL_NO_UI=1
AFL_STATS_INTERVAL=10
TMPDIR=$work/tmp
mkdir -p "$TMPDIR"
export CUCKOO_FUZZ_CC CUCKOO_FUZZ_INCLUDE CUCKOO_INCLUDE_DIR CUCKOO_FUZZ_TIMEOUT ASAN_OPTIONS \
  UBSAN_OPTIONS AFL_SKIP_CPUFREQ AFL_NO_AFFINITY AFL_NO_UI AFL_STATS_INTERVAL TMPDIR

# ---- seeds: every test program, and the preprocessor seeds
rm -rf "$work/seeds"
mkdir -p "$work/seeds"
for d in run-pass run-trap compile-fail stress fuzz/seeds; do
  for f in "$srcdir/testsuite/$d"/*.ck; do
    [ -f "$f" ] || continue
    # skip very large inputs: they only slow the fuzzer
    [ "$(wc -c <"$f")" -le 16384 ] || continue
    cp "$f" "$work/seeds/$(echo "$d" | tr / -)-$(basename "$f")"
  done
done

tmo=$(( (timeout + 2) * 1000 ))
for mode in $modes; do
  out=$work/out-$mode
  if [ -d "$out/default/queue" ]; then
    input=-                        # resume
  else
    rm -rf "$work/cmin-$mode"
    nice afl-cmin -i "$work/seeds" -o "$work/cmin-$mode" -t $tmo -m none \
      -- "$work/harness" $mode @@ >"$work/cmin-$mode.log" 2>&1 || {
      echo "make fuzz: afl-cmin failed: see $work/cmin-$mode.log" >&2
      exit 1
    }
    echo "make fuzz: $mode: $(ls "$work/seeds" | wc -l) seeds, $(ls "$work/cmin-$mode" | wc -l) after afl-cmin"
    input=$work/cmin-$mode
  fi
  echo "make fuzz: $mode: fuzzing for $seconds s (log: $work/fuzz-$mode.log)"
  nice afl-fuzz -i "$input" -o "$out" -x "$srcdir/testsuite/fuzz/cuckoo.dict" \
    -t $tmo -m none -V "$seconds" -- "$work/harness" $mode @@ >"$work/fuzz-$mode.log" 2>&1 || {
    echo "make fuzz: afl-fuzz failed: see $work/fuzz-$mode.log" >&2
    exit 1
  }
done

# ---- summary
status=0
for mode in $modes; do
  s=$work/out-$mode/default/fuzzer_stats
  [ -f "$s" ] || continue
  get() { sed -n "s/^$1 *: *//p" "$s"; }
  crashes=$(ls "$work/out-$mode/default/crashes" 2>/dev/null | grep -c '^id' || true)
  hangs=$(ls "$work/out-$mode/default/hangs" 2>/dev/null | grep -c '^id' || true)
  echo "make fuzz: $mode: $(get execs_done) executions, $(get execs_per_sec) exec/s, corpus $(get corpus_count), $crashes crashes, $hangs hangs"
  for f in "$work/out-$mode/default/crashes"/id* "$work/out-$mode/default/hangs"/id*; do
    [ -f "$f" ] || continue
    echo "  $f"
    status=1
  done
done
[ $status = 0 ] || echo "make fuzz: reproduce one with: env CUCKOO_FUZZ_CC=$CUCKOO_FUZZ_CC CUCKOO_FUZZ_INCLUDE=$CUCKOO_FUZZ_INCLUDE CUCKOO_INCLUDE_DIR=$CUCKOO_INCLUDE_DIR $work/harness MODE FILE"
exit $status
