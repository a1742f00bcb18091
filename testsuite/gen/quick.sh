#!/bin/sh
# The quick set of the random program generator: seeds 1..120, every kind
# of program (see gen.am).
CUCKOO_GEN_FLAGS=; export CUCKOO_GEN_FLAGS
CUCKOO_GEN_KEEP=./gen-failures/full; export CUCKOO_GEN_KEEP
exec ${SHELL:-/bin/sh} "${srcdir:-.}/gen/run-gen.sh" 1 120
