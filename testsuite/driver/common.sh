# common.sh -- sourced by the driver tests (driver/*.sh).
#
# A test runs in a fresh temporary directory $T holding copies of its
# inputs, so file names in outputs are relative (prog.ck) and the source
# tree may stay read-only.  The tools come from the environment that
# testsuite/Makefile.am exports (CUCKOO_CC, CUCKOO_LD, CUCKOO_OBJCHECK,
# CUCKOO_INCLUDE_DIR, CUCKOO_RUNTIME_DIR, CUCKOO_RUN); run by hand from the
# build's testsuite directory, they default to the build tree.
# Exit statuses: 0 pass, 1 fail (with a FAIL: line), 77 skip.
set -u
: "${srcdir:=.}"
abs() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }
srcdir=$(cd "$srcdir" && pwd)
CC=$(abs "${CUCKOO_CC:-../cc/cuckoo-cc}")
CUCKOO_LD=$(abs "${CUCKOO_LD:-../tld/cuckoo-ld}")
OBJCHECK=$(abs "${CUCKOO_OBJCHECK:-../tld/cuckoo-objcheck}")
CUCKOO_INCLUDE_DIR=$(abs "${CUCKOO_INCLUDE_DIR:-$srcdir/../rt}")
CUCKOO_RUNTIME_DIR=$(abs "${CUCKOO_RUNTIME_DIR:-../rt}")
export CUCKOO_LD CUCKOO_INCLUDE_DIR CUCKOO_RUNTIME_DIR
if [ -z "${CUCKOO_RUN+set}" ] && [ -f ../tld/Makefile ]; then
	CUCKOO_RUN=$(sed -n 's/^CUCKOO_RUN = //p' ../tld/Makefile)
fi
CUCKOO_RUN=${CUCKOO_RUN:-}
# the tools exit right after reporting; what they hold then is not a leak
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export ASAN_OPTIONS
[ -x "$CC" ] || { echo "SKIP: no compiler at $CC"; exit 77; }

T=$(mktemp -d "${TMPDIR:-/tmp}/driver-test.XXXXXX") || exit 99
cleanup_hook=:
trap 'eval "$cleanup_hook"; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM
cd "$T" || exit 99
cp "$srcdir/driver/prog.ck" "$srcdir/driver/prog.ckh" "$srcdir/driver/error.ck" . || exit 99
chmod u+w ./*

CAPTURE=$T/.
. "$srcdir/lib/expect.sh"

# expect_usage_ok TOOL NAME: --help and --version exit 0 and print on stdout
expect_usage_ok() {
	expect_status 0 "$1" --help
	expect_msg "Usage: $2"
	[ -s .stdout ] || fail "$2 --help printed nothing on stdout"
	expect_status 0 "$1" --version
	expect_msg "$2"
	[ -s .stdout ] || fail "$2 --version printed nothing on stdout"
}
# lineof MARKER: the line number of prog.ck that carries MARKER
lineof() { grep -n -F -e "$1" prog.ck | sed 's/:.*//;q'; }
# listing: the files of the current directory (hidden ones excepted), one a line
listing() { ls -1 | LC_ALL=C sort; }

# gdb_session SCRIPT OUT SALT: ./prog under gdb running SCRIPT, whose line
# START becomes `run` (mode=native: CUCKOO_RUN empty) or `continue` after
# `target remote` to `$CUCKOO_RUN -g PORT` (mode=qemu), PORT a free one
# picked from SALT; gdb's output in OUT, the program's in prog.out.
gdb_session() {
	if [ $mode = native ]; then
		sed 's/^START$/run/' "$1" > s.gdb
		timeout 120 gdb -nx -batch -ex 'set pagination off' -ex 'set confirm off' \
			-x s.gdb ./prog > "$2" 2>&1 < /dev/null
		return
	fi
	qpid=
	cleanup_hook='[ -n "$qpid" ] && { kill $qpid 2>/dev/null; sleep 1; kill -9 $qpid 2>/dev/null; wait $qpid 2>/dev/null; }'
	port=$((20000 + ($$ + $3) % 20000)) tries=0
	while :; do
		tries=$((tries + 1))
		[ $tries -gt 20 ] && fail "no free port for qemu's gdb stub"
		if command -v ss > /dev/null && ss -ltn | awk '{ print $4 }' | grep -q ":$port\$"; then
			port=$((port + 1)); continue
		fi
		$CUCKOO_RUN -g $port ./prog > prog.out 2> qemu.err &
		qpid=$!
		sleep 1
		kill -0 $qpid 2> /dev/null && break
		cat qemu.err; wait $qpid 2> /dev/null; qpid=
		port=$((port + 1))
	done
	sed 's/^START$/continue/' "$1" > s.gdb
	tries=0
	while :; do
		timeout 120 gdb -nx -batch -ex 'set pagination off' -ex 'set confirm off' \
			-ex 'set architecture i386' -ex 'set sysroot /' -ex 'file ./prog' \
			-ex "target remote :$port" -x s.gdb > "$2" 2>&1 < /dev/null
		grep -q 'Connection refused' "$2" || break
		tries=$((tries + 1))
		[ $tries -gt 10 ] && { cat "$2"; fail "gdb cannot connect to qemu on port $port"; }
		sleep 1
	done
	n=0
	while kill -0 $qpid 2> /dev/null && [ $n -lt 10 ]; do sleep 1; n=$((n + 1)); done
	eval "$cleanup_hook"
	qpid=
}
