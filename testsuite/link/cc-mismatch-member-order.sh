#!/bin/sh
# struct pair with the same members in another order is another type (canonical strings printed).
. "$srcdir/link/cc-common.sh"
mismatch order
expect_err "cuckoo-ld: error: 'struct pair' is defined differently in two objects; a tag names one type in the whole program\n>>> in main.o, in the type of 'get': f(i32;p(s:pair{a:i32,b:f64}))\n>>> in lib.o, in the type of 'get': f(i32;p(s:pair{b:f64,a:i32}))\ncuckoo-ld: error: type mismatch for 'get'\n>>> referenced by main.o as int get(struct pair *)\n>>>   canonical f(i32;p(s:pair{a:i32,b:f64}))\n>>> defined in lib.o as int get(struct pair *)\n>>>   canonical f(i32;p(s:pair{b:f64,a:i32}))"
exit 0
