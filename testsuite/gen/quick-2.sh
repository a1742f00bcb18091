#!/bin/sh
# Part 2 of 6 of the random program generator's quick set in make check:
# seeds 38..74 (see gen.am and testsuite/README.md).
CUCKOO_GEN_KEEP=./gen-failures; export CUCKOO_GEN_KEEP
exec ${SHELL:-/bin/sh} "${srcdir:-.}/gen/run-gen.sh" 38 74
