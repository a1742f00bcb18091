#!/usr/bin/env python3
"""profile.py -- where an i386 program's instructions go, per function.

    profile.py PROG OUT.prof [--base BASE.prof] [--per N] [--annotate FUNC]

OUT.prof is what bench/qemu-profile.c wrote for a run of PROG
(qemu-i386 -plugin ./qemu-profile.so,out=OUT.prof PROG ARGS...).  Prints
the executed instructions per function (symbols from nm -n PROG), largest
first.  --base BASE.prof subtracts another run's profile -- two runs with
different iteration counts cancel the start-up, as run-domain-bench.sh does
with totals -- and --per N divides by the iterations the two differ by.
--annotate FUNC prints FUNC's disassembly (objdump -d) with each
instruction's count.  Exact for one thread: the plugin adds inline.
"""
import argparse
import bisect
import subprocess
import sys


def load(path):
    counts = {}
    with open(path) as f:
        for line in f:
            addr, n = line.split()
            counts[int(addr, 16)] = counts.get(int(addr, 16), 0) + int(n)
    return counts


def main():
    ap = argparse.ArgumentParser(description="per-function instruction counts from qemu-profile.c")
    ap.add_argument("prog")
    ap.add_argument("profile")
    ap.add_argument("--base", help="a profile to subtract")
    ap.add_argument("--per", type=float, default=1.0, help="divide by this many iterations")
    ap.add_argument("--annotate", metavar="FUNC", help="print FUNC's instructions with their counts")
    a = ap.parse_args()
    try:
        counts = load(a.profile)
        if a.base:
            for addr, n in load(a.base).items():
                counts[addr] = counts.get(addr, 0) - n
    except (OSError, ValueError) as e:
        sys.exit("profile.py: %s" % e)
    nm = subprocess.run(["nm", "-n", a.prog], capture_output=True, text=True)
    if nm.returncode != 0:
        sys.exit("profile.py: nm %s failed: %s" % (a.prog, nm.stderr.strip()))
    syms = []
    for line in nm.stdout.splitlines():
        p = line.split()
        if len(p) == 3 and p[1] in "tTwW":
            syms.append((int(p[0], 16), p[2]))
    starts = [s[0] for s in syms]

    def func_of(addr):
        i = bisect.bisect_right(starts, addr) - 1
        return syms[i][1] if i >= 0 else "?"

    if a.annotate:
        dis = subprocess.run(["objdump", "-d", "--no-show-raw-insn", a.prog], capture_output=True, text=True)
        on = False
        for line in dis.stdout.splitlines():
            if line.endswith("<%s>:" % a.annotate):
                on = True
            elif on and line.endswith(">:"):
                break
            if on and ":" in line and line.strip()[:1] in "0123456789abcdef":
                try:
                    addr = int(line.split(":")[0], 16)
                except ValueError:
                    print(line)
                    continue
                print("%10.1f %s" % (counts.get(addr, 0) / a.per, line))
        return
    per_func = {}
    for addr, n in counts.items():
        per_func[func_of(addr)] = per_func.get(func_of(addr), 0) + n
    total = 0
    for name, n in sorted(per_func.items(), key=lambda kv: -kv[1]):
        if n:
            print("%12.1f %s" % (n / a.per, name))
            total += n
    print("%12.1f total" % (total / a.per))


if __name__ == "__main__":
    main()
