# expect.sh -- assertions shared by the script tests (link/, objcheck/,
# driver/), sourced after the test has made its scratch directory $T.
# A command's output is kept in ${CAPTURE}stdout and ${CAPTURE}stderr
# (default $T/stdout; the driver tests use $T/.stdout so that listings of
# their working directory do not show it).

fail() { echo "FAIL: $*"; exit 1; }

# expect_status WANT CMD...: CMD exits WANT; its output is kept and shown
expect_status() {
	want=$1; shift
	"$@" > "${CAPTURE:-$T/}stdout" 2> "${CAPTURE:-$T/}stderr"
	st=$?
	cat "${CAPTURE:-$T/}stdout" "${CAPTURE:-$T/}stderr"
	[ "$st" = "$want" ] || fail "'$*' exited $st, expected $want"
}

# expect_msg TEXT: the last command printed TEXT (stdout or stderr)
expect_msg() {
	grep -F -e "$1" "${CAPTURE:-$T/}stdout" "${CAPTURE:-$T/}stderr" > /dev/null ||
		fail "no message '$1'"
}
