#!/bin/sh
# -fcheck-report over every run-pass program at -O0 (driver/check-report.sh
# does -O2 and the option itself; two tests so that they run side by side):
# the option changes no byte of the assembly, and every check that is gone
# has the reason the pass that removed it recorded.
. "$srcdir/driver/common.sh"
REPORT_LEVELS=-O0
. "$srcdir/driver/check-report-loop.sh"
exit 0
