#!/bin/sh
# Two layouts of struct rec (same name, different member types): the C spellings coincide, so the canonical strings are printed too.
. "$srcdir/link/cc-common.sh"
mismatch layout
expect_err "cuckoo-ld: error: 'struct rec' is defined differently in two objects; a tag names one type in the whole program\n>>> in main.o, in the type of 'get': f(i32;p(s:rec{a:i32,b:i32}))\n>>> in lib.o, in the type of 'get': f(i32;p(s:rec{a:i32,b:i64}))\ncuckoo-ld: error: type mismatch for 'get'\n>>> referenced by main.o as int get(struct rec *)\n>>>   canonical f(i32;p(s:rec{a:i32,b:i32}))\n>>> defined in lib.o as int get(struct rec *)\n>>>   canonical f(i32;p(s:rec{a:i32,b:i64}))"
exit 0
