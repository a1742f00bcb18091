#!/bin/sh
# A struct whose member is owned in one object and plain in another is two
# layouts of one tag: the link is refused.
. "$srcdir/link/cc-common.sh"
mismatch ownmem
expect_err "cuckoo-ld: error: 'struct box' is defined differently in two objects; a tag names one type in the whole program\n>>> in main.o, in the type of 'fill': f(i32;p(s:box{p:po(i32)}))\n>>> in lib.o, in the type of 'fill': f(i32;p(s:box{p:p(i32)}))\ncuckoo-ld: error: type mismatch for 'fill'\n>>> referenced by main.o as int fill(struct box *)\n>>>   canonical f(i32;p(s:box{p:po(i32)}))\n>>> defined in lib.o as int fill(struct box *)\n>>>   canonical f(i32;p(s:box{p:p(i32)}))"
exit 0
