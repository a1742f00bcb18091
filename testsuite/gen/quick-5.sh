#!/bin/sh
# Part 5 of 6 of the random program generator's quick set in make check:
# seeds 148..184 (see gen.am and testsuite/README.md), at -O1 too: the
# three levels run different passes and must agree (§11a).
CUCKOO_GEN_KEEP=./gen-failures; export CUCKOO_GEN_KEEP
CUCKOO_GEN_LEVELS=${CUCKOO_GEN_LEVELS:-"O0 O1 O2"}; export CUCKOO_GEN_LEVELS
exec ${SHELL:-/bin/sh} "${srcdir:-.}/gen/run-gen.sh" 148 184
