#!/bin/sh
# -g: the object's line table (objdump --dwarf=decodedline) names prog.ck
# and lists the line of each statement, in the object and in the linked
# program; the object has DWARF debugging information for gdb.
. "$srcdir/driver/common.sh"
command -v objdump > /dev/null || { echo "SKIP: no objdump"; exit 77; }

expect_status 0 "$CC" -g -c prog.ck
readelf -SW prog.o | grep -q '\.debug_line' || fail "-g: prog.o has no .debug_line"
readelf -SW prog.o | grep -q '\.debug_info' || fail "-g: prog.o has no .debug_info"
objdump --dwarf=decodedline prog.o > lines.txt 2>&1 || { cat lines.txt; fail "objdump failed"; }
cat lines.txt

# lines_of FILE: the line numbers the table gives prog.ck, one a line
lines_of() { awk '$1 == "prog.ck" && $2 ~ /^[0-9]+$/ { print $2 }' "$1" | sort -n -u; }
[ -n "$(lines_of lines.txt)" ] || fail "the line table does not name prog.ck"
check_lines() {
	for marker in LINE-ADD LINE-BREAK LINE-NEXT LINE-PRINT; do
		n=$(lineof $marker)
		lines_of "$1" | grep -qx "$n" || fail "$2: no line-table row for prog.ck:$n ($marker)"
	done
	# the functions' first lines
	for fn in 'int add(' 'int main('; do
		n=$(grep -n -F -e "$fn" prog.ck | sed 's/:.*//;q')
		lines_of "$1" | grep -qx "$n" || fail "$2: no line-table row for prog.ck:$n ($fn)"
	done
	# nothing outside prog.ck's lines
	last=$(wc -l < prog.ck)
	for n in $(lines_of "$1"); do
		[ "$n" -ge 1 ] && [ "$n" -le "$last" ] || fail "$2: line $n is not a line of prog.ck"
	done
	# lines of the #ifdef'd-out code have no rows
	n=$(lineof LINE-EXTRA)
	lines_of "$1" | grep -qx "$n" && fail "$2: a row for line $n, which the preprocessor removed"
	return 0
}
check_lines lines.txt prog.o

# the row for add's statement lies inside add, the one for main's inside main
sym() { nm prog.o | awk -v s="$1" '$3 == s { print $1 }'; }
row() { awk -v n="$(lineof "$1")" '$1 == "prog.ck" && $2 == n { print $3; exit }' lines.txt; }
add=$(printf '%d' "0x$(sym add)") main=$(printf '%d' "0x$(sym __cuckoo_main)") ||
	fail "no symbols add and __cuckoo_main in prog.o"
a=$(printf '%d' "$(row LINE-ADD)") b=$(printf '%d' "$(row LINE-NEXT)") || fail "no rows"
[ "$add" -le "$a" ] && [ "$a" -lt "$main" ] || fail "the row of LINE-ADD ($a) is not in add"
[ "$main" -le "$b" ] || fail "the row of LINE-NEXT ($b) is not in main"

# and the linked program keeps them
expect_status 0 "$CC" -g -o prog prog.ck
objdump --dwarf=decodedline prog > plines.txt 2>&1 || { cat plines.txt; fail "objdump failed on the program"; }
check_lines plines.txt "prog"

# the same from -c -g -O2
expect_status 0 "$CC" -g -O2 -c prog.ck -o prog2.o
objdump --dwarf=decodedline prog2.o > lines2.txt 2>&1
lines_of lines2.txt | grep -qx "$(lineof LINE-PRINT)" || fail "-g -O2: no row for the printf line"
exit 0
