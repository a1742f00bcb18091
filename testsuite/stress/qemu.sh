#!/bin/sh
# stress/qemu.sh -- the stress tests that mix signals and threads, once
# more under qemu-i386 (issue 10, item 8; doc/runtime.md "Signals with
# threads"), when it is installed and the other tests run natively: qemu
# 7.2 reloads %gs from a descriptor table its threads share when a signal
# handler returns, so these programs broke there and nowhere else.  Each
# runs at scale 1 with a time limit (CUCKOO_QEMU_TIMEOUT, default 120 s,
# for a loaded machine).
# Run by make check from the testsuite build directory.
qemu=${CUCKOO_QEMU:-`command -v qemu-i386 || command -v qemu-i386-static`}
if [ -z "$qemu" ]; then
    echo "SKIP: qemu-i386 is not installed"
    exit 77
fi
case ${CUCKOO_RUN:-} in
*qemu*)
    echo "SKIP: the stress tests already run under $CUCKOO_RUN"
    exit 77 ;;
esac
status=0
for t in signal-join thread-flood-signal signal-alloc; do
    CUCKOO_RUN=$qemu CUCKOO_STRESS_TIMEOUT=${CUCKOO_QEMU_TIMEOUT:-120} CUCKOO_STRESS_SCALE=1 \
        ${SHELL:-/bin/sh} lib/run-test.sh stress/$t.ck
    r=$?
    case $r in
    0) echo "PASS: stress/$t.ck under $qemu" ;;
    77) echo "SKIP: stress/$t.ck under $qemu" ;;
    *) echo "FAIL: stress/$t.ck under $qemu"; status=1 ;;
    esac
done
exit $status
