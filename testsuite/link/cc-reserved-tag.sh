#!/bin/sh
# LANGUAGE.md §12, TOOLCHAIN.md rule 4: the runtime's struct tags are
# reserved.  A unit defining struct file could hand its own object to
# fprintf as a FILE * (the runtime's block spells s:file?, which agrees
# with any struct file): the compiler refuses the definition, and an
# object whose block spells the tag in full (here: a legal tag renamed in
# the assembly) is refused by the linker.
. "$srcdir/link/cc-common.sh"
AS=$(sed -n 's/^CUCKOO_AS = //p' "$CUCKOO_RUNTIME_DIR/../tld/Makefile")
expect_status 1 "$CUCKOO_CC" -c "$INPUTS/forge-file-lib.ck" -o lib.o
expect_line "$INPUTS/forge-file-lib.ck:7:1: error: 'struct file' is reserved for the Cuckoo runtime, which alone defines it; choose another tag"
[ -e lib.o ] && fail "object left behind"
"$CUCKOO_CC" -S "$INPUTS/forge-filx-lib.ck" -o filx.s || fail "cuckoo-cc -S forge-filx-lib.ck"
sed 's/filx/file/g' filx.s > lib.s
${AS:-as} --32 -o lib.o lib.s || fail "cannot assemble the forged object"
compile forge-file-main.ck main.o
expect_status 1 "$CUCKOO_LD" -o prog main.o lib.o
expect_err "cuckoo-ld: error: 'struct file' is reserved: only the Cuckoo runtime defines it\n>>> defined in lib.o, in the type of 'forged'\n>>>   canonical f(p(s:file{lock:i32,fd:i32,writing:i32,mode:i32,pos:u32,len:u32,eof:i32,pad:a4(i32)});)"
[ -e prog ] && fail "output left behind"
ls -a | grep -q cuckoo-ld && fail "temporary file left behind"
exit 0
