#!/bin/sh
# A block that hides a symbol the code references is refused.
. "$srcdir/link/common.sh"
{ func __cuckoo_main 24 '\tcall secret\n\tleave\n\tret'
  block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\n$TRAPREF"; } > "$T/main.body"
obj main
expect_status 1 $LD -o "$T/prog" "$T/main.o"
expect_msg "cuckoo-ld: error: $T/main.o: the .cuckoo.types block hides symbol 'secret'"
expect_status 1 $OBJCHECK "$T/main.o"
expect_msg "cuckoo-objcheck: error: $T/main.o: the .cuckoo.types block hides symbol 'secret'"
exit 0
