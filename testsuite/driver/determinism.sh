#!/bin/sh
# Output is deterministic: the same source and options, compiled twice in
# the same directory, give byte-identical assembly (-S), objects (-c) and
# programs (cuckoo-cc linking, and cuckoo-ld linking the -c objects),
# with and without -g and at each -O level.
. "$srcdir/driver/common.sh"
status=0
bad() { echo "FAIL: $*"; status=1; }

# same WHAT A B: A and B are byte-identical; otherwise say where they differ
same() {
	if ! cmp "$2" "$3" > /dev/null; then
		bad "$1: $2 and $3 differ"
		cmp "$2" "$3"
		case $2 in
		*.s) diff "$2" "$3" | head -n 20 ;;
		*) readelf -p .cuckoo.types "$2" > "$T/.types1" 2>/dev/null
		   readelf -p .cuckoo.types "$3" > "$T/.types2" 2>/dev/null
		   diff "$T/.types1" "$T/.types2" | head -n 20
		   # which sections differ
		   for sec in $(readelf -SW "$2" | sed -n 's/^ *\[ *[0-9]*\] \([^ ]*\) .*/\1/p'); do
			   a=$(readelf -x "$sec" "$2" 2>/dev/null | md5sum)
			   b=$(readelf -x "$sec" "$3" 2>/dev/null | md5sum)
			   [ "$a" = "$b" ] || echo "  section $sec differs"
		   done ;;
		esac
	fi
}

for opts in "" "-g" "-O0" "-O1" "-O2" "-O2 -g"; do
	tag=$(echo "x$opts" | tr -d ' -')
	mkdir "$tag.1" "$tag.2"
	for n in 1 2; do
		expect_status 0 "$CC" $opts -S prog.ck -o "$tag.$n/prog.s" > /dev/null
		expect_status 0 "$CC" $opts -c prog.ck -o "$tag.$n/prog.o" > /dev/null
		expect_status 0 "$CC" $opts -o "$tag.$n/prog" prog.ck > /dev/null
		# the same objects, linked by cuckoo-ld: the object's name is the same
		cp "$tag.$n/prog.o" prog.o
		expect_status 0 "$CUCKOO_LD" -o "$tag.$n/prog-ld" prog.o > /dev/null
		rm -f prog.o
	done
	same "-S $opts" "$tag.1/prog.s" "$tag.2/prog.s"
	same "-c $opts" "$tag.1/prog.o" "$tag.2/prog.o"
	same "cuckoo-ld of -c $opts objects" "$tag.1/prog-ld" "$tag.2/prog-ld"
	same "cuckoo-cc $opts (compile and link)" "$tag.1/prog" "$tag.2/prog"
done

# the object does not depend on where the .s was made: -c equals -S then as
s_obj=$(mktemp "${TMPDIR:-/tmp}/driver-test-as.XXXXXX")
as --32 -o "$s_obj" x.1/prog.s && cmp "$s_obj" x.1/prog.o > /dev/null ||
	bad "-c differs from assembling the -S output with GNU as"
rm -f "$s_obj"

if [ $status != 0 ]; then
	echo "The program's cuckoo-linked block (readelf -p .cuckoo.types x.1/prog):"
	readelf -p .cuckoo.types x.1/prog | grep -E 'cuckoo-linked|input '
	readelf -p .cuckoo.types x.2/prog | grep -E 'input .* cuckoo'
fi
exit $status
