#!/bin/sh
# setup.sh -- the quick start's first command, on a fresh Debian 12 machine:
# installs the system packages, builds the toolchain (host programs under
# AddressSanitizer and UndefinedBehaviorSanitizer), installs it into
# ./_inst, and runs the main job: compile, link, audit and run an example
# with the installed tools.  The second command is `make -C _build check`.
set -eu
top=$(cd "$(dirname "$0")" && pwd)
cd "$top"

# The Debian packages the build, the tests and qemu-i386 need.
if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y $(cat debian-packages.txt)

autoreconf -fi
mkdir -p _build
cd _build
../configure --prefix="$top/_inst" --enable-sanitizers
make -j"$(nproc)"
make install
cd "$top"

# The main job, with the installed tools only.
prefix="$top/_inst"
run=$(sed -n 's/^CUCKOO_RUN = //p' _build/Makefile)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/hello.ck "$work/"
cd "$work"
ASAN_OPTIONS=detect_leaks=0 "$prefix/bin/cuckoo-cc" -O2 -c hello.ck -o hello.o
ASAN_OPTIONS=detect_leaks=0 "$prefix/bin/cuckoo-ld" -o hello hello.o
ASAN_OPTIONS=detect_leaks=0 "$prefix/bin/cuckoo-objcheck" hello
$run ./hello
echo "setup.sh: the toolchain is installed in $prefix and the example ran."
