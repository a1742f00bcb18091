#!/bin/sh
# The shipped example Makefile builds the examples once: a second `make`
# finds nothing to do (the objects are not deleted as intermediates).
. "$srcdir/driver/common.sh"
command -v make >/dev/null 2>&1 || { echo "SKIP: no make"; exit 77; }
cp "$srcdir/../examples/Makefile" "$srcdir"/../examples/*.ck .
expect_status 0 make CC="$CC" OBJCHECK="$OBJCHECK"
[ -x hello ] && [ -f hello.o ] || fail "make built nothing: $(ls)"
expect_status 0 make CC="$CC" OBJCHECK="$OBJCHECK"
expect_msg "Nothing to be done"
exit 0
