#!/bin/sh
# A section that is not in the allow-list is refused, executable or not:
# ld would still run .init code at start-up with its flag cleared.
. "$srcdir/link/common.sh"
for sec in '.init,"a",@progbits' '.gnu.linkonce.t.x,"ax",@progbits' '.preinit_array,"aw",@preinit_array' \
           '.fini_array,"aw",@fini_array' '.text.hot,"ax",@progbits' '.ctors,"aw",@progbits' '.tdata,"awT",@progbits'; do
  { func __cuckoo_main 24 '\tmovl $0, %eax\n\tleave\n\tret'
    printf '\t.section %s\n\t.long __cuckoo_main\n' "$sec"
    block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\n$TRAPREF"; } > "$T/main.body"
  obj main
  name=${sec%%,*}
  expect_status 1 $LD -o "$T/prog" "$T/main.o"
  expect_msg "section '$name' is not allowed in a Cuckoo object"
  expect_status 1 $OBJCHECK "$T/main.o"
  expect_msg "section '$name' is not allowed in a Cuckoo object"
done
exit 0
