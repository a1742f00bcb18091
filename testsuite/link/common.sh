# common.sh -- sourced by the tests in link/ and objcheck/.
#
# The tests run in the testsuite build directory.  Their inputs are i386
# assembly written the way abi.md says cuckoo-cc writes it (the stack check
# as exact bytes, the .cuckoo.types block as .ascii), so they do not depend
# on the compiler.  Programs are run with $(CUCKOO_RUN), read from
# tld/Makefile where configure substituted it.
set -u
mkvar() { sed -n "s/^$1 = //p" ../tld/Makefile; }
CUCKOO_RUN=$(mkvar CUCKOO_RUN)
AS=$(mkvar CUCKOO_AS)
LD=../tld/cuckoo-ld
OBJCHECK=../tld/cuckoo-objcheck
CUCKOO_RUNTIME_DIR=${CUCKOO_RUNTIME_DIR:-$(cd ../rt && pwd)}
export CUCKOO_RUNTIME_DIR
# the tools exit right after reporting; what they hold then is not a leak
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export ASAN_OPTIONS
T=$(mktemp -d "${TMPDIR:-/tmp}/tld-test.XXXXXX")
trap 'rm -rf "$T"' EXIT

. "$srcdir/lib/expect.sh"

# The gas macros every test object starts with.
MACROS='
	.macro STACKCHECK n, trap
	.byte 0x89, 0xe0, 0x2d
	.long \n
	.byte 0x0f, 0x82
	.long \trap - . - 4
	.byte 0x65, 0x3b, 0x05
	.long __cuckoo_stack_limit@ntpoff
	.byte 0x0f, 0x82
	.long \trap - . - 4
	.endm
	.macro ICALL reg, trap
	testl %\reg, %\reg
	.byte 0x0f, 0x84
	.long \trap - . - 4
	call *%\reg
	.endm
	.macro TRAPSTUB
	pushl $0
	pushl $0
	pushl $0
	pushl $0
	pushl $hwsite
	call __cuckoo_trap
	.endm
'
TRAPREF='ref func __cuckoo_trap f(v;p(k(s:__cuckoo_site?)),i64,i64)\nref tls __cuckoo_stack_limit u32\n'

# block NAME RECORDS: the .cuckoo.types block of a cuckoo-cc object
block() {
	printf '\t.section .cuckoo.types,"",@progbits\n'
	printf '\t.ascii "cuckoo-object 1\\nproducer cuckoo-cc 0.1.0\\nsource %s.ck\\n"\n' "$1"
	printf '\t.ascii "checks bounds null stack divide\\n"\n'
	printf '%b' "$2" | while IFS= read -r line; do
		[ -n "$line" ] && printf '\t.ascii "%s\\n"\n' "$line"
	done
	printf '\t.ascii "end\\n"\n'
}

# func NAME N BODY: a global function with the stack check of N bytes,
# the frame pushl %ebp; movl %esp,%ebp (4 bytes) and BODY, then its trap
# stubs: .Ltrap_NAME for the body, one of its own for the stack check (as
# cuckoo-cc does: the two are entered with different frames)
func() {
	printf '\t.text\n\t.globl %s\n\t.type %s,@function\n%s:\n' "$1" "$1" "$1"
	printf '\tSTACKCHECK %s, .Lstack_%s\n\tpushl %%ebp\n\tmovl %%esp, %%ebp\n' "$2" "$1"
	printf '%b\n' "$3"
	printf '.Ltrap_%s:\n\tTRAPSTUB\n.Lstack_%s:\n\tTRAPSTUB\n\t.size %s, .-%s\n' "$1" "$1" "$1" "$1"
}

# proof BODY-FILE: the .cuckoo.proof a hand-writer gives these objects --
# each function's type, from the block's def records (the checker takes
# the frame from the prologue); a body that has its own proof keeps it
proof() {
	grep -q 'cuckoo.proof' "$1" && return 0
	# the site record TRAPSTUB hands the runtime (all fields unknown)
	printf '\t.section .rodata\n\t.p2align 2\n\t.type hwsite,@object\n\t.size hwsite,24\nhwsite:\n\t.long 0,0,0,0,0,0\n'
	printf '\t.section .cuckoo.proof,"",@progbits\n\t.ascii "cuckoo-proof 1\\n"\n'
	printf '\t.ascii "object hwsite site\\n"\n'
	sed -n 's/^[[:space:]]*\.ascii "def func \([^ ]*\) \([^"]*\)\\n"$/\t.ascii "func \1 \2\\nend\\n"/p' "$1"
	# static functions: void (void) unless PROOF_TYPES says "NAME TYPE ..."
	for f in $(sed -n 's/^[[:space:]]*\.type \([^,]*\),[[:space:]]*@function.*/\1/p' "$1"); do
		grep -q "def func $f " "$1" && continue
		t=$(printf '%s\n' ${PROOF_TYPES:-} | sed -n "/^$f\$/{n;p;}")
		printf '\t.ascii "func %s %s\\nend\\n"\n' "$f" "${t:-f(v;)}"
	done
}

# obj NAME: assemble $T/NAME.s (with the macros) into $T/NAME.o
obj() {
	{ printf '%s\n' "$MACROS"; cat "$T/$1.body"; proof "$T/$1.body"; } > "$T/$1.s"
	$AS --32 -o "$T/$1.o" "$T/$1.s" || fail "cannot assemble $1"
}

# A main that calls sum(arr) and returns its result, with TYPE for sum.
main_calls_sum() {
	{ func __cuckoo_main 24 '\tsubl $8, %esp\n\tpushl $0\n\tcall sum\n\taddl $4, %esp\n\tleave\n\tret'
	  block main "def func __cuckoo_main f(i32;i32,p(a(p(a(c8)))))\nref func sum $1\n$TRAPREF"; } > "$T/main.body"
	obj main
}
lib_defines_sum() {
	{ func sum 8 '\tmovl $42, %eax\n\tpopl %ebp\n\tret'
	  block lib "def func sum $1\n$TRAPREF"; } > "$T/lib.body"
	obj lib
}
