#!/bin/sh
# The quick set of the random program generator, without the bug class
# known in issue 7: seeds 1..120 with cuckoo-gen -k (see gen.am).
CUCKOO_GEN_FLAGS=-k; export CUCKOO_GEN_FLAGS
CUCKOO_GEN_KEEP=./gen-failures/avoid; export CUCKOO_GEN_KEEP
exec ${SHELL:-/bin/sh} "${srcdir:-.}/gen/run-gen.sh" 1 120
