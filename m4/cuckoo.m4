# cuckoo.m4 -- find the Cuckoo toolchain from a package's configure.ac.
#
# CUCKOO_PROG_CC([ACTION-IF-FOUND], [ACTION-IF-NOT-FOUND])
#
# Looks for cuckoo-cc (the user may name one with CUCKOO_CC=...), checks
# that it compiles, links (through cuckoo-ld) and audits a small program,
# and substitutes CUCKOO_CC, CUCKOO_LD and CUCKOO_OBJCHECK: the linker and
# the auditor are looked for beside cuckoo-cc first, then on PATH.  Without
# ACTION-IF-NOT-FOUND, a missing or broken toolchain stops configure with
# an error that says what failed.
#
# Install: `make install` puts this file in $(datadir)/aclocal; a package
# that uses it runs `aclocal` (or autoreconf) with that directory on its
# search path, e.g. `ACLOCAL_PATH=/usr/local/share/aclocal autoreconf -fi`.
#
# serial 1

AC_DEFUN([CUCKOO_PROG_CC],
[AC_ARG_VAR([CUCKOO_CC], [the Cuckoo compiler (cuckoo-cc)])dnl
AC_ARG_VAR([CUCKOO_LD], [the Cuckoo linker (cuckoo-ld)])dnl
AC_ARG_VAR([CUCKOO_OBJCHECK], [the Cuckoo auditor (cuckoo-objcheck)])dnl
AC_PATH_PROG([CUCKOO_CC], [cuckoo-cc], [no])
cuckoo_prog_ok=no
AS_IF([test "x$CUCKOO_CC" != xno], [
  cuckoo_bindir=`AS_DIRNAME(["$CUCKOO_CC"])`
  AS_IF([test -z "$CUCKOO_LD"],
    [AS_IF([test -x "$cuckoo_bindir/cuckoo-ld"], [CUCKOO_LD=$cuckoo_bindir/cuckoo-ld],
           [AC_PATH_PROG([CUCKOO_LD], [cuckoo-ld], [no])])])
  AS_IF([test -z "$CUCKOO_OBJCHECK"],
    [AS_IF([test -x "$cuckoo_bindir/cuckoo-objcheck"],
           [CUCKOO_OBJCHECK=$cuckoo_bindir/cuckoo-objcheck],
           [AC_PATH_PROG([CUCKOO_OBJCHECK], [cuckoo-objcheck], [no])])])
  AC_CACHE_CHECK([whether $CUCKOO_CC builds a checked program], [cuckoo_cv_prog_cc_works],
    [cuckoo_cv_prog_cc_works=no
     cuckoo_dir=conftest.cuckoo.$$
     rm -rf $cuckoo_dir && mkdir $cuckoo_dir
     cat > $cuckoo_dir/conftest.ck <<'_CUCKOO_EOF'
#include <cuckoo.ckh>
int sum(const int v@<:@@:>@) {
    int s = 0;
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v@<:@i@:>@;
    return s;
}
int main(void) {
    int data@<:@3@:>@ = {1, 2, 3};
    return sum(data) == 6 ? 0 : 1;
}
_CUCKOO_EOF
     AS_IF([(cd $cuckoo_dir && CUCKOO_LD="$CUCKOO_LD" "$CUCKOO_CC" -c conftest.ck -o conftest.o &&
             CUCKOO_LD="$CUCKOO_LD" "$CUCKOO_CC" conftest.o -o conftest &&
             "$CUCKOO_OBJCHECK" conftest) >&AS_MESSAGE_LOG_FD 2>&1],
           [cuckoo_cv_prog_cc_works=yes])
     rm -rf $cuckoo_dir])
  cuckoo_prog_ok=$cuckoo_cv_prog_cc_works])
AS_IF([test "x$cuckoo_prog_ok" = xyes],
  [AC_SUBST([CUCKOO_CC])AC_SUBST([CUCKOO_LD])AC_SUBST([CUCKOO_OBJCHECK])
   $1],
  [m4_default([$2],
    [AC_MSG_ERROR([no working Cuckoo toolchain: install it (cuckoo-cc, cuckoo-ld and cuckoo-objcheck on PATH), or name the compiler with CUCKOO_CC=/path/to/cuckoo-cc; config.log says what failed])])])
])
