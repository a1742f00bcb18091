#!/bin/sh
# Warnings are real (TOOLCHAIN.md "Conventions"): off by default, on with
# -Wall/-Wextra/-WNAME, each ending with its option; a warning alone keeps
# exit 0 and writes the output; -Werror and -Werror=NAME make it an error
# (exit 1, no output); -Wno-NAME and -w silence; gcc's other -W options are
# accepted; -Wl,... is refused with a reason.
. "$srcdir/driver/common.sh"
cat > w.ck <<'CK'
int main(void) {
    int unused;
    int n = 0;
    if (n = 2)
        return n;
    return 0;
}
CK
expect_status 0 "$CC" -c w.ck
[ -s "$T/.stderr" ] && fail "a warning without -Wall"
rm -f w.o
expect_status 0 "$CC" -Wall -c w.ck
expect_msg "w.ck:2:9: warning: unused variable 'unused' [-Wunused-variable]"
expect_msg "w.ck:4:11: warning: assignment used as a truth value"
expect_msg "[-Wparentheses]"
[ -f w.o ] || fail "a warning stopped the output"
rm -f w.o
expect_status 1 "$CC" -Wall -Werror -c w.ck
expect_msg "error: unused variable 'unused' [-Werror=unused-variable]"
[ -e w.o ] && fail "-Werror left w.o"
expect_status 1 "$CC" -Werror=parentheses -c w.ck
expect_msg "[-Werror=parentheses]"
grep -q unused "$T/.stderr" && fail "-Werror=parentheses enabled another warning"
expect_status 0 "$CC" -Wall -Wno-unused-variable -Wno-parentheses -Werror -c w.ck
[ -s "$T/.stderr" ] && fail "-Wno-NAME did not silence"
expect_status 0 "$CC" -Wall -Werror -w -c w.ck
[ -s "$T/.stderr" ] && fail "-w did not silence"
expect_status 0 "$CC" -Wall -Wshadow -Wno-sign-compare -Wformat=2 -c w.ck
expect_status 2 "$CC" -Wl,--defsym,x=1 -c w.ck
expect_msg "is refused: cuckoo-ld builds the link itself"
# the example compiles cleanly under the strictest options
cp "$srcdir/../examples/hello.ck" .
expect_status 0 "$CC" -Wall -Wextra -Werror -fsyntax-only hello.ck
exit 0
