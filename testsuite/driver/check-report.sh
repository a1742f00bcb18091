#!/bin/sh
# -fcheck-report (doc/backend.md, "The check report").
#
# What is tested: the remarks go to standard error, or with =FILE only to
# FILE (written whole, after every source, each source's summary last);
# -Wruntime-checks is the same option; a missing or input-clobbering FILE
# is bad usage; -fsyntax-only reports too.  And over every run-pass
# program at -O2 (driver/check-report-O0.sh: at -O0): the option changes
# no byte of the assembly, and every check that is gone has the reason the
# pass that removed it recorded (none is "unexplained", which is how a new
# pass that removes checks without report_note shows).
. "$srcdir/driver/common.sh"

cp prog.ck other.ck
expect_status 0 "$CC" -O2 -fcheck-report -c prog.ck -o prog.o
expect_msg "prog.ck:6:5: remark: stack check of 'add' kept"
expect_msg "prog.ck: remark: "
cp "$T/.stderr" on-stderr.txt
expect_status 0 "$CC" -O2 -Wruntime-checks -c prog.ck -o prog.o
cmp -s "$T/.stderr" on-stderr.txt || fail "-Wruntime-checks does not print what -fcheck-report does"

expect_status 0 "$CC" -O2 -fcheck-report=rep.txt -c prog.ck other.ck
[ -s "$T/.stderr" ] && fail "-fcheck-report=FILE also wrote to standard error"
[ -f rep.txt ] || fail "-fcheck-report=rep.txt wrote no rep.txt"
grep -c ': remark: [0-9]* checks:' rep.txt | grep -qx 2 || fail "rep.txt has not one summary per source"
sed -n '$p' rep.txt | grep -q '^other.ck: remark: ' || fail "other.ck's summary is not last"
head -n "$(wc -l < on-stderr.txt)" rep.txt | cmp -s - on-stderr.txt ||
	fail "the remarks in rep.txt differ from those on standard error"

expect_status 0 "$CC" -fsyntax-only -fcheck-report prog.ck
expect_msg "prog.ck: remark: "

expect_status 2 "$CC" -fcheck-report= -c prog.ck
expect_msg "needs a file name"
cp other.ck keep.ck
expect_status 2 "$CC" -fcheck-report=other.ck -c other.ck
expect_msg "would overwrite an input"
cmp -s other.ck keep.ck || fail "-fcheck-report=other.ck changed other.ck"

REPORT_LEVELS=-O2
. "$srcdir/driver/check-report-loop.sh"
exit 0
