#!/bin/sh
# An offset into data that another object defines stays inside that
# object: a pointer initialised to gv+100, where gv has 4 bytes, is refused
# -- by the proof checker already, from the referenced type (the link's
# own check, once it knows gv's definer, stays behind it); gv+0 is fine.
. "$srcdir/link/common.sh"
{ printf '\t.data\n\t.globl gv\n\t.type gv,@object\ngv:\t.long 7\n\t.size gv,4\n'
  block lib "def data gv i32\n"; } > "$T/lib.body"
obj lib
for off in 100 0; do
  { func __cuckoo_main 24 '\tmovl $0, %eax\n\tleave\n\tret'
    printf '\t.data\n\t.globl gp\n\t.type gp,@object\ngp:\t.long gv+%s\n\t.size gp,4\n' $off
    block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\ndef data gp p(i32)\nref data gv i32\n$TRAPREF"; } > "$T/main.body"
  obj main
  if [ $off = 100 ]; then
    expect_status 1 $LD -o "$T/prog" "$T/main.o" "$T/lib.o"
    expect_msg "gp+0x0: cannot prove the object: a pointer initialised with an address outside the object"
  else
    expect_status 0 $LD -o "$T/prog" "$T/main.o" "$T/lib.o"
  fi
done
exit 0
