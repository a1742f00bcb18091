# check-report-loop.sh -- sourced by driver/check-report.sh and
# check-report-O0.sh (after driver/common.sh): every run-pass program at
# each level of $REPORT_LEVELS gives the same assembly with -fcheck-report
# as without, and its remarks explain every check that is gone.
for f in "$srcdir"/run-pass/*.ck; do
	flags=
	[ -f "${f%.ck}.flags" ] && flags=$(cat "${f%.ck}.flags")
	for level in $REPORT_LEVELS; do
		(cd "$srcdir/run-pass" && "$CC" $level $flags -S "$(basename "$f")" -o "$T/without.s") \
			> /dev/null 2>&1 || continue
		(cd "$srcdir/run-pass" && "$CC" $level $flags -fcheck-report -S "$(basename "$f")" \
			-o "$T/with.s") > /dev/null 2> "$T/remarks" ||
			fail "$(basename "$f") $level: does not compile with -fcheck-report"
		cmp -s "$T/without.s" "$T/with.s" ||
			fail "$(basename "$f") $level: -fcheck-report changes the assembly"
		grep -q 'no pass recorded why' "$T/remarks" &&
			fail "$(basename "$f") $level: $(grep 'no pass recorded why' "$T/remarks" | head -n 1)"
		grep -q ': remark: [0-9]* checks: ' "$T/remarks" ||
			fail "$(basename "$f") $level: no summary"
	done
done
