#!/bin/sh
# m4/cuckoo.m4: a package's configure.ac finds the toolchain with
# CUCKOO_PROG_CC, which checks that it builds, links and audits a program;
# a missing toolchain stops configure with a clear error.
. "$srcdir/driver/common.sh"
command -v autoconf >/dev/null 2>&1 && command -v aclocal >/dev/null 2>&1 ||
	{ echo "SKIP: no autoconf"; exit 77; }
mkdir pkg && cd pkg || fail "mkdir"
cat > configure.ac <<'AC'
AC_INIT([demo], [1.0])
CUCKOO_PROG_CC
AC_CONFIG_FILES([out.txt])
AC_OUTPUT
AC
printf 'cc=@CUCKOO_CC@\nld=@CUCKOO_LD@\nobjcheck=@CUCKOO_OBJCHECK@\n' > out.txt.in
expect_status 0 aclocal -I "$srcdir/../m4"
expect_status 0 autoconf
expect_status 0 ./configure CUCKOO_CC="$CC" CUCKOO_LD="$CUCKOO_LD" CUCKOO_OBJCHECK="$OBJCHECK"
expect_msg "checking whether $CC builds a checked program... yes"
grep -qx "cc=$CC" out.txt || fail "CUCKOO_CC not substituted: $(cat out.txt)"
grep -qx "objcheck=$OBJCHECK" out.txt || fail "CUCKOO_OBJCHECK not substituted"
# no toolchain: a clear error, exit 1
expect_status 1 env -u CUCKOO_CC -u CUCKOO_LD -u CUCKOO_OBJCHECK PATH=/usr/bin:/bin ./configure
expect_msg "no working Cuckoo toolchain"
exit 0
