#!/bin/sh
# Dependency files as gcc writes them: -MD / -MMD name the source and the
# local header prog.ckh under the object's name; -MF names the file, -MT
# the target, -MP adds a phony target per header; -c -o DIR/x.o writes
# DIR/x.d.  Each .d file is read back by make.
. "$srcdir/driver/common.sh"

# deps FILE TARGET: FILE is a make rule for TARGET naming prog.ck and prog.ckh
deps() {
	[ -f "$1" ] || fail "no dependency file $1 ($(listing | tr '\n' ' '))"
	cat "$1"
	# join continuation lines, then look at the rule for TARGET
	rule=$(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$1" | grep -F -e "$2:" | head -n 1)
	[ -n "$rule" ] || fail "$1 has no rule for '$2'"
	case " $rule " in *" prog.ck "*) ;; *) fail "$1 does not name prog.ck: $rule" ;; esac
	case " $rule " in *" prog.ckh "*) ;; *) fail "$1 does not name prog.ckh: $rule" ;; esac
}
# make_ok FILE: make can read FILE, and then knows prog.ck for its target
make_ok() {
	if command -v make > /dev/null; then
		printf 'include %s\n.PHONY: nothing\nnothing:\n' "$1" > deps.mk
		make -s -f deps.mk nothing > make.out 2>&1 || { cat make.out; fail "make cannot read $1"; }
	fi
}

# -MD with -c: prog.d beside prog.o, target prog.o
expect_status 0 "$CC" -c -MD prog.ck
[ -f prog.o ] || fail "-c -MD wrote no object"
deps prog.d prog.o
grep -q 'cuckoo\.ckh' prog.d || fail "-MD does not name the runtime header cuckoo.ckh"
make_ok prog.d
rm -f prog.d prog.o

# -MMD: the local header is there (the runtime header may be left out, as
# gcc leaves out system headers)
expect_status 0 "$CC" -c -MMD prog.ck
deps prog.d prog.o
make_ok prog.d
rm -f prog.d prog.o

# -MF FILE and -MT TARGET
mkdir -p deps
expect_status 0 "$CC" -c -MMD -MF deps/out.dep -MT build/prog.o prog.ck
deps deps/out.dep build/prog.o
[ -e prog.d ] && fail "-MF deps/out.dep also wrote prog.d"
make_ok deps/out.dep
rm -f prog.o

# -MP: a phony target for the header, so make survives its removal
expect_status 0 "$CC" -c -MMD -MP prog.ck
deps prog.d prog.o
grep -q '^prog\.ckh:' prog.d || fail "-MP wrote no phony target for prog.ckh"
make_ok prog.d
rm -f prog.d prog.o

# -c -o DIR/x.o: the target is DIR/x.o and the file DIR/x.d (as gcc)
mkdir obj
expect_status 0 "$CC" -c -MMD prog.ck -o obj/x.o
[ -f obj/x.o ] || fail "-c -o obj/x.o wrote no object"
[ -e x.d ] && fail "-c -MMD -o obj/x.o wrote x.d in the current directory (gcc writes obj/x.d)"
deps obj/x.d obj/x.o
make_ok obj/x.d

# -MD when linking: a .d file for the source, and a program
expect_status 0 "$CC" -MD -o prog prog.ck
[ -f prog ] || fail "-MD -o prog wrote no program"
ls ./*.d > /dev/null 2>&1 || fail "-MD -o prog wrote no .d file"
exit 0
