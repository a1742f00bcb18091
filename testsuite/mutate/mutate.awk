# mutate.awk -- apply one named mutation to one function of the assembly
# that `cuckoo-cc -S` writes (POSIX awk; see README in this directory).
#
#   awk -f mutate.awk -v mut=NAME[:ARG] -v fn=FUNCTION [-v nth=K] in.s > out.s
#   awk -f mutate.awk -v list=1            # the catalogue: NAME CLASS WHAT
#
# A mutation edits the K-th place (default the first) where it applies
# inside FUNCTION's code (the lines from `FUNCTION:` to its `.size`, in
# .text only, so a proof or any other section is never touched), and
# writes the whole file with the change.  It says on stderr what it
# changed.  Exit status: 0 applied, 3 nothing to mutate (the suite treats
# that as its own failure, never as a pass), 2 bad usage.
#
# The shapes it looks for are cuckoo-cc's (doc/backend.md "Check
# operations", doc/abi.md "The stack check" and "Indirect calls"):
#   bounds check   cmpl LEN, %IDX ; jae .LtrapN     (LEN is $N or -4(%BASE))
#   NULL check     testl %R, %R ; je .LtrapN        (then a memory operand on %R)
#   indirect call  testl %R, %R ; {disp32} je .LtrapN ; call *%R
#   stack check    movl %esp, %eax ; .byte 0x2d ; .long N ; {disp32} jb ;
#                  cmpl %gs:...,%eax ; {disp32} jb
# The body starts after the label .LFUNCTION.b0 and ends at
# .LFUNCTION.epilogue; the trap stubs after it are never mutated.

function catalogue() {
	# unsafe: every one breaks a rule of TOOLCHAIN.md "Verified code"
	cat["del-bounds"] = "unsafe delete a bounds check (cmpl; jae .Ltrap)"
	cat["del-null"] = "unsafe delete a NULL check (testl; je .Ltrap) before a dereference"
	cat["bounds-jb"] = "unsafe invert a bounds check's branch (jae -> jb)"
	cat["bounds-ja"] = "unsafe weaken a bounds check's branch (jae -> ja: index == length passes)"
	cat["bounds-jg"] = "unsafe weaken a bounds check's branch to signed (jae -> jg)"
	cat["bounds-jge"] = "unsafe weaken a bounds check's branch to signed (jae -> jge: negative passes)"
	cat["null-jne"] = "unsafe invert a NULL check's branch (je -> jne)"
	cat["null-other-reg"] = "unsafe NULL-check another register than the one dereferenced"
	cat["bounds-const+1"] = "unsafe compare the index against the constant length + 1"
	cat["bounds-const-big"] = "unsafe compare the index against a much larger constant (0x10000)"
	cat["bounds-other-len"] = "unsafe compare the index against another array's length word"
	cat["bounds-late"] = "unsafe move a bounds check after the access it guards"
	cat["bounds-stale"] = "unsafe change the index register between the check and the access"
	cat["null-stale"] = "unsafe zero the pointer register between its NULL check and the access"
	cat["disp+4"] = "unsafe add 4 to the displacement of a checked element access (past the array)"
	cat["scale-up"] = "unsafe double the scale of a checked element access"
	cat["member-past"] = "unsafe move a member access through a checked pointer 64 bytes on (past the struct)"
	cat["int-to-ptr"] = "unsafe store an integer into a pointer slot (ARG: the slot, default the first parameter, 8(%ebp) or its %esp offset)"
	cat["write-lenword"] = "unsafe write an array's length word before its bounds check"
	cat["leak-frame"] = "unsafe store a frame address (a leal N(%ebp), or N(%esp) without a frame pointer) into a global (ARG)"
	cat["del-icall-null"] = "unsafe call through an unchecked register (delete the NULL check)"
	cat["icall-other-reg"] = "unsafe call through another register than the one checked"
	cat["icall-jmp"] = "unsafe turn the indirect call into jmp *%reg"
	cat["jmp-reg"] = "unsafe insert jmp *%eax"
	cat["push-ret"] = "unsafe insert push $FUNC; ret (ARG: the function, default this one)"
	cat["call+1"] = "unsafe call f+1 instead of f"
	cat["esp-sub"] = "unsafe insert subl $4, %esp"
	cat["esp-add"] = "unsafe insert addl $4, %esp"
	cat["esp-ebp"] = "unsafe insert movl %ebp, %esp in the body"
	cat["ebp-add"] = "unsafe insert addl $64, %ebp (the frame pointer moved; without one, before the ret: the caller's %ebp not restored)"
	cat["ret-push"] = "unsafe insert pushl %ecx before ret"
	cat["write-retaddr"] = "unsafe overwrite the return address (movl %ecx, 4(%ebp) or its %esp offset)"
	cat["drop-stackcheck"] = "unsafe delete the stack check"
	cat["stack-shrink"] = "unsafe check 4 bytes less than the stack check said"
	cat["stack-zero"] = "unsafe make the stack check check 0 bytes"
	cat["int80"] = "unsafe insert int $0x80"
	cat["int-to-member"] = "unsafe store an integer into a member (ARG: its offset, default 4) right after the pointer's NULL check"
	cat["ptr-add"] = "unsafe add 8 to a pointer between its NULL check and the access (past the object)"
	cat["write-saved"] = "unsafe overwrite the saved %ebx (-4(%ebp)), or without a frame pointer the saved %ebp: the caller's register is not restored"
	cat["ret4"] = "unsafe ret $4 in a function that returns no struct"
	cat["loop-bound-weak"] = "unsafe a loop's bound made jbe and the bounds check it implied deleted"
	cat["del-null-pre"] = "unsafe delete a NULL check that the optimiser moved before its loop (testl %R, %R; je trap; jmp or the domain guard)"
	cat["mask-wide"] = "unsafe widen an index mask where -O2 removed the bounds check it implied (andl $M -> andl $2M+1)"
	cat["loop-jbe"] = "unsafe a loop's bound (movl -4(%BASE), %R; cmpl %R, %IDX; jb) made jbe where the optimiser removed the bounds check it implied"
	# safe: the code stays safe; the checker may accept or refuse them
	cat["dup-bounds"] = "safe duplicate a bounds check"
	cat["dup-null"] = "safe duplicate a NULL check"
	cat["hoist-bounds"] = "safe move a bounds check one instruction earlier (same register value)"
	cat["bounds-const-1"] = "safe compare the index against the constant length - 1"
	cat["del-bounds-loop"] = "safe delete a bounds check that the loop's own bound (cmpl len, %IDX; jb) implies"
	cat["stack-grow"] = "safe make the stack check check 64 bytes more"
	cat["nop"] = "safe insert a nop at the start of the body"
	cat["nop-all"] = "safe insert a nop before every instruction of the body"
}

function die(msg) { print "mutate.awk: " msg > "/dev/stderr"; bad = 2; exit 2 }

# is line i an instruction (not a label, directive or comment)?
function isins(i) { return L[i] ~ /^\t[a-z{]/ }
# the instruction text of line i without the {disp32} prefix and comment
# the frame word at offset K from the saved %ebp's word
function fw(k) { return fp ? k "(%ebp)" : (k + delta) "(%esp)" }

function text(i,    s) {
	s = L[i]; sub(/^\t/, "", s); sub(/^\{disp32\} /, "", s); sub(/[ \t]*#.*$/, "", s)
	return s
}
function mnem(i,    s) { s = text(i); sub(/ .*$/, "", s); return s }
function ops(i,    s) { s = text(i); if (s !~ / /) return ""; sub(/^[^ ]* /, "", s); return s }
# a line that is neither code nor a label: comments and .loc
# (and anything between .pushsection and .popsection: a proof written
# beside the code is not code)
# (a store check's return label, .LstoredN, is reached only from its own stub: no block)
function filler(i) { return L[i] ~ /^#/ || L[i] ~ /^\t\.loc / || L[i] ~ /^$/ || L[i] ~ /^\.Lstored[0-9]+:$/ || (i in aside) }
# the next instruction after i in the same block (0 if a label or directive intervenes)
function nextins(i,    j) {
	for (j = i + 1; j < fend && filler(j); j++) ;
	return (j < fend && isins(j)) ? j : 0
}
# the next instruction after line i, across labels too
function nextcode(i,    j) {
	for (j = i + 1; j < fend && (filler(j) || L[j] ~ /^\.L[A-Za-z0-9_.$]*:$/); j++) ;
	return (j < fend && isins(j)) ? j : 0
}
function previns(i,    j) {
	for (j = i - 1; j > fstart && filler(j); j--) ;
	return (j > fstart && isins(j)) ? j : 0
}
function istrap(i) { return ops(i) ~ /^\.Ltrap[0-9]+$/ }
# the register written by the instruction (its last operand, when it is a register)
function dest(i,    o) {
	o = ops(i)
	if (mnem(i) ~ /^(cmp|test|push|call|j)/) return ""
	if (o ~ /(^|, )%e[a-z][a-z]$/) { sub(/^.*%/, "%", o); return o }
	return ""
}

# bounds check: cmpl LEN, %IDX ; jae .LtrapN -- sets P1, P2, LEN, IDX
function bounds_at(i,    j, o) {
	if (mnem(i) != "cmpl" || !(j = nextins(i)) || mnem(j) != "jae" || !istrap(j)) return 0
	o = ops(i)
	if (o !~ /, %e[a-z][a-z]$/ || o ~ /%gs/) return 0
	P1 = i; P2 = j; LEN = o; sub(/, %e[a-z][a-z]$/, "", LEN); IDX = o; sub(/^.*, /, "", IDX)
	BASE = ""
	if (LEN ~ /^-4\(%e[a-z][a-z]\)$/) { BASE = LEN; sub(/^-4\(/, "", BASE); sub(/\)$/, "", BASE) }
	return 1
}
# NULL check (not an indirect call's): testl %R, %R ; je .LtrapN ; a memory operand on %R
function null_at(i,    j, k, n, r) {
	if (mnem(i) != "testl" || !(j = nextins(i)) || mnem(j) != "je" || !istrap(j)) return 0
	r = ops(i); if (r !~ /^%e[a-z][a-z], %e[a-z][a-z]$/) return 0
	R = substr(r, 1, 4); if (r != R ", " R) return 0
	k = j
	for (n = 0; n < 4 && (k = nextins(k)); n++) {
		if (mnem(k) ~ /^call/) return 0
		if (index(ops(k), "(" R ")") || index(ops(k), "(" R ",")) { P1 = i; P2 = j; ACC = k; return 1 }
		if (dest(k) == R) return 0
	}
	return 0
}
# indirect call: testl %R, %R ; je .LtrapN ; call *%R
function icall_at(i,    j, k, r) {
	if (mnem(i) != "testl" || !(j = nextins(i)) || mnem(j) != "je" || !istrap(j)) return 0
	r = ops(i); R = substr(r, 1, 4)
	if (!(k = nextins(j)) || text(k) != "call *" R) return 0
	P1 = i; P2 = j; P3 = k; return 1
}
# the first memory operand after line i (in the block) indexed by %IDX
# (on %BASE when BASE is set): sets ACC and the operand's parts
function access_after(i, idx, base,    k, o, n) {
	k = i
	for (n = 0; n < 9 && (k = nextins(k)); n++) {
		o = ops(k)
		if (match(o, /[^ ,(]*\((%e[a-z][a-z])?,%e[a-z][a-z],[1248]\)/)) {
			OPND = substr(o, RSTART, RLENGTH)
			if (index(OPND, "," idx ",") && (base == "" || index(OPND, "(" base ","))) { ACC = k; return 1 }
		}
	}
	return 0
}
function other_reg(r) { return r == "%ebx" ? "%esi" : "%ebx" }

# candidates: fill C[1..nc] with the lines where mutation m applies
function find(m,    i, j) {
	nc = 0
	for (i = bstart; i < epi; i++) {
		if (!isins(i)) continue
		if (m ~ /^(del-bounds|bounds-j.*|dup-bounds|bounds-late)$/) { if (bounds_at(i)) C[++nc] = i }
		else if (m ~ /^bounds-const/) { if (bounds_at(i) && LEN ~ /^\$[0-9]+$/) C[++nc] = i }
		else if (m == "bounds-other-len") { if (bounds_at(i) && BASE != "" && other_base(BASE, IDX) != "") C[++nc] = i }
		else if (m == "write-lenword") { if (bounds_at(i) && BASE != "") C[++nc] = i }
		else if (m == "bounds-stale") { if (bounds_at(i) && access_after(P2, IDX, BASE)) C[++nc] = i }
		else if (m ~ /^(disp\+4|scale-up)$/) { if (bounds_at(i) && access_after(P2, IDX, BASE)) C[++nc] = i }
		else if (m == "hoist-bounds") { if (bounds_at(i) && hoistable(i)) C[++nc] = i }
		else if (m ~ /^(del-null|null-jne|null-other-reg|dup-null|null-stale)$/) { if (null_at(i)) C[++nc] = i }
		else if (m == "member-past") { if (null_at(i) && member_after(P2, R)) C[++nc] = i }
		else if (m ~ /^(del-bounds-loop|loop-bound-weak)$/) { if (bounds_at(i) && BASE != "" && loop_bound(BASE, IDX)) C[++nc] = i }
		else if (m == "loop-jbe") { if (length_compare(i)) C[++nc] = i }
		else if (m == "del-null-pre") { if (null_pre(i)) C[++nc] = i }
		else if (m == "mask-wide") { if (mnem(i) == "andl" && ops(i) ~ /^\$[0-9]+, %e[a-z][a-z]$/) C[++nc] = i }
		else if (m ~ /^(int-to-member|ptr-add)$/) { if (null_at(i)) C[++nc] = i }
		else if (m ~ /^(del-icall-null|icall-other-reg|icall-jmp)$/) { if (icall_at(i)) C[++nc] = i }
		else if (m == "leak-frame") { if (mnem(i) == "leal" && ops(i) ~ ("^-?[0-9]+\\(%e" (fp ? "bp" : "sp") "\\), %e[a-z][a-z]$")) C[++nc] = i }
		else if (m == "call+1") { if (mnem(i) == "call" && ops(i) ~ /^[A-Za-z_]/) C[++nc] = i }
	}
	if (m == "write-saved" && b0 && fp) for (i = fstart; i < b0; i++) if (text(i) == "pushl %ebx" && previns(i) && text(previns(i)) == "movl %esp, %ebp") C[++nc] = b0
	if (m == "write-saved" && b0 && !fp) C[++nc] = b0
	if (m == "ebp-add" && !fp) for (i = bstart; i < fend; i++) if (isins(i) && text(i) ~ /^ret/) C[++nc] = i
	if (m ~ /^(ret-push|ret4)$/) for (i = bstart; i < fend; i++) if (isins(i) && text(i) ~ /^ret/) C[++nc] = i
	if (m ~ /^(drop-stackcheck|stack-shrink|stack-zero|stack-grow)$/ && sc) C[++nc] = sc
	if (m ~ /^(int-to-ptr|jmp-reg|push-ret|esp-sub|esp-add|esp-ebp|write-retaddr|int80|nop|nop-all)$/ && b0) C[++nc] = b0
	if (m == "ebp-add" && fp && b0) C[++nc] = b0
}
# a register other than base and idx whose length word the function also compares against
function other_base(base, idx,    i, o, b) {
	for (i = bstart; i < epi; i++) {
		if (mnem(i) != "cmpl" && mnem(i) != "movl") continue
		o = ops(i)
		if (match(o, /^-4\(%e[a-z][a-z]\)/)) {
			b = substr(o, 4, 4)
			if (b != base && b != idx) return b
		}
	}
	return ""
}
# the bounds pair at i can move above the previous instruction: that one
# is plain (no branch, call or label between) and writes neither the index
# nor the base the check reads
function hoistable(i,    p) {
	if (!(p = previns(i))) return 0
	if (mnem(p) ~ /^(j|call|ret|cmp|test|leave|push|pop|cltd|cdq|idiv|div|mul|imul|rep|movs|stos)/) return 0
	if (dest(p) == IDX || (BASE != "" && dest(p) == BASE)) return 0
	if (dest(p) == "" && ops(p) !~ /\)$/ && ops(p) != "") return 0   # other implicit writers
	HP = p
	return 1
}
# a member access D(%R) with D >= 0 right after a NULL check
function member_after(i, r,    k, n, o) {
	k = i
	for (n = 0; n < 4 && (k = nextins(k)); n++) {
		o = ops(k)
		if (match(o, "(^|, )[0-9]+\\(" r "\\)")) { ACC = k; return 1 }
		if (dest(k) == r) return 0
	}
	return 0
}
# the function's loop compares %IDX with the length word of %BASE:
#   movl -4(%BASE), %X ; cmpl %X, %IDX ; jb .LOOP
function loop_bound(base, idx,    i, j, k, x) {
	for (i = bstart; i < epi; i++) {
		# -O1 and up read the length word in the compare itself
		if (mnem(i) == "cmpl" && ops(i) == "-4(" base "), " idx && (k = nextins(i)) && mnem(k) == "jb") { LOOPJ = k; return 1 }
		if (mnem(i) != "movl" || ops(i) !~ "^-4\\(" base "\\), %e[a-z][a-z]$") continue
		x = ops(i); sub(/^.*, /, "", x)
		if ((j = nextins(i)) && text(j) == "cmpl " x ", " idx && (k = nextins(j)) && mnem(k) == "jb") { LOOPJ = k; return 1 }
	}
	return 0
}

# line i is a NULL check followed by a jump (to the loop it was moved out of)
function null_pre(i,    j, k, r) {
	if (mnem(i) != "testl" || !(j = nextins(i)) || mnem(j) != "je" || !istrap(j)) return 0
	r = ops(i); if (r !~ /^%e[a-z][a-z], %e[a-z][a-z]$/ || r != substr(r, 1, 4) ", " substr(r, 1, 4)) return 0
	# then the jump to the loop's test, or the domain guard of a loop
	# versioned on it (opt/version.c), which falls into the loop's test
	k = nextins(j)
	if (!(k && mnem(k) == "jmp") && !((k = nextcode(j)) && text(k) ~ /__cuckoo_domain_top/)) return 0
	P1 = i; P2 = j; return 1
}
# line i loads a length word that the next instruction compares an index
# with (or compares it itself), and a jb follows: a loop's bound (LOOPJ is
# the jb)
function length_compare(i,    j, k, x) {
	# the compare reading the length word itself (load folding)
	if (mnem(i) == "cmpl" && ops(i) ~ /^-4\(%e[a-z][a-z]\), %e[a-z][a-z]$/ && (k = nextins(i)) && mnem(k) == "jb") { LOOPJ = k; return 1 }
	if (mnem(i) != "movl" || ops(i) !~ /^-4\(%e[a-z][a-z]\), %e[a-z][a-z]$/) return 0
	x = ops(i); sub(/^.*, /, "", x)
	if ((j = nextins(i)) && text(j) ~ ("^cmpl " x ", %e[a-z][a-z]$") && (k = nextins(j)) && mnem(k) == "jb") { LOOPJ = k; return 1 }
	return 0
}

function show(i) { return text(i) }
function note(msg) { printf "mutate: %s in %s (line %d): %s\n", mut, fn, at, msg > "/dev/stderr" }

function apply(m, arg, i,    o, d, r, s, n, k, j) {
	at = i
	if (m == "dup-bounds") { bounds_at(i); post[P2] = post[P2] L[P1] "\n" L[P2] "\n"; note("duplicated '" show(P1) "; " show(P2) "'") }
	else if (m == "dup-null") { null_at(i); post[P2] = post[P2] L[P1] "\n" L[P2] "\n"; note("duplicated '" show(P1) "; " show(P2) "'") }
	else if (m == "hoist-bounds") {
		bounds_at(i); hoistable(i); pre[HP] = pre[HP] L[P1] "\n" L[P2] "\n"; del[P1] = del[P2] = 1
		note("moved above '" show(HP) "'")
	} else if (m == "del-bounds" || m == "del-bounds-loop" || m == "del-null" || m == "del-icall-null") {
		if (m ~ /^del-bounds/) bounds_at(i); else if (m == "del-icall-null") icall_at(i); else null_at(i)
		note("deleted '" show(P1) "; " show(P2) "'"); del[P1] = del[P2] = 1
	} else if (m == "loop-bound-weak") {
		bounds_at(i); loop_bound(BASE, IDX); del[P1] = del[P2] = 1; sub(/jb /, "jbe ", L[LOOPJ])
		note("deleted '" show(P1) "; " show(P2) "', loop bound '" show(LOOPJ) "'")
	} else if (m == "del-null-pre") {
		null_pre(i); note("deleted '" show(P1) "; " show(P2) "'"); del[P1] = del[P2] = 1
	} else if (m == "mask-wide") {
		o = L[i]; n = ops(i); sub(/,.*/, "", n); sub(/^\$/, "", n)
		sub(/\$[0-9]+/, "$" (2 * n + 1), L[i]); note("'" o "' -> '" L[i] "'")
	} else if (m == "loop-jbe") {
		length_compare(i); o = L[LOOPJ]; sub(/jb /, "jbe ", L[LOOPJ]); note("'" o "' -> '" L[LOOPJ] "'")
	} else if (m == "int-to-member") {
		null_at(i); o = "movl $0x1000, " (arg == "" ? 4 : arg) "(" R ")"; post[P2] = post[P2] "\t" o "\n"; note("inserted '" o "'")
	} else if (m == "ptr-add") {
		null_at(i); post[P2] = post[P2] "\taddl $8, " R "\n"; note("addl $8, " R " after the check")
	} else if (m == "ret4") {
		o = L[i]; sub(/ret/, "ret $4", L[i]); note("'" o "' -> '" L[i] "'")
	} else if (m ~ /^bounds-j/) {
		bounds_at(i); n = substr(m, 8); o = L[P2]; sub(/jae/, n, L[P2]); note("'" o "' -> '" L[P2] "'")
	} else if (m == "null-jne") {
		null_at(i); sub(/je /, "jne ", L[P2]); note("je -> jne")
	} else if (m == "null-other-reg") {
		null_at(i); r = other_reg(R); L[P1] = "\ttestl " r ", " r; note("tests " r " instead of " R)
	} else if (m ~ /^bounds-const/) {
		bounds_at(i); n = substr(LEN, 2) + 0
		d = (m == "bounds-const+1") ? n + 1 : (m == "bounds-const-1") ? n - 1 : 65536
		if (d < 0) d = 0
		sub(/\$[0-9]+/, "$" d, L[P1]); note("$" n " -> $" d)
	} else if (m == "bounds-other-len") {
		bounds_at(i); r = other_base(BASE, IDX); sub("\\(" BASE "\\)", "(" r ")", L[P1])
		note("length of " r " instead of " BASE)
	} else if (m == "bounds-late") {
		bounds_at(i); access_after(P2, IDX, BASE)
		if (!ACC) ACC = nextins(P2)
		post[ACC] = post[ACC] L[P1] "\n" L[P2] "\n"; del[P1] = del[P2] = 1; note("check moved after '" show(ACC) "'")
	} else if (m == "bounds-stale") {
		bounds_at(i); post[P2] = post[P2] "\taddl $1, " IDX "\n"; note("addl $1, " IDX " after the check")
	} else if (m == "null-stale") {
		null_at(i); post[P2] = post[P2] "\tmovl $0, " R "\n"; note("movl $0, " R " after the check")
	} else if (m == "disp+4" || m == "scale-up") {
		bounds_at(i); access_after(P2, IDX, BASE); o = OPND
		if (m == "disp+4") { d = OPND; sub(/\(.*$/, "", d); s = OPND; sub(/^[^(]*/, "", s); n = (d == "" ? "4" : d "+4") s }
		else { s = substr(OPND, length(OPND) - 1, 1); n = substr(OPND, 1, length(OPND) - 2) (s * 2) ")" }
		k = index(L[ACC], o); L[ACC] = substr(L[ACC], 1, k - 1) n substr(L[ACC], k + length(o))
		note("'" o "' -> '" n "'")
	} else if (m == "member-past") {
		null_at(i); member_after(P2, R); o = ops(ACC)
		match(o, "(^|, )[0-9]+\\(" R "\\)"); d = substr(o, RSTART, RLENGTH); sub(/^, /, "", d); n = (d + 64) "(" R ")"
		k = index(L[ACC], d); L[ACC] = substr(L[ACC], 1, k - 1) n substr(L[ACC], k + length(d))
		note("'" d "' -> '" n "'")
	} else if (m == "write-lenword") {
		bounds_at(i); pre[P1] = pre[P1] "\tmovl $0x7fffffff, -4(" BASE ")\n"; note("writes -4(" BASE ")")
	} else if (m == "leak-frame") {
		if (arg == "") die("leak-frame needs a global: leak-frame:NAME")
		r = ops(i); sub(/^.*, /, "", r); post[i] = post[i] "\tmovl " r ", " arg "\n"; note("'" show(i) "' then stored into " arg)
	} else if (m == "icall-other-reg") {
		icall_at(i); r = other_reg(R); L[P3] = "\tcall *" r; note("call *" r " after checking " R)
	} else if (m == "icall-jmp") {
		icall_at(i); L[P3] = "\tjmp *" R; note("call *" R " -> jmp *" R)
	} else if (m == "call+1") {
		o = L[i]; L[i] = L[i] "+1"; note("'" o "' -> '" L[i] "'")
	} else if (m == "ret-push") {
		pre[i] = pre[i] "\tpushl %ecx\n"; note("pushl %ecx before " show(i))
	} else if (m == "drop-stackcheck") {
		n = 0; for (k = sc - 1; n < 6; k++) if (!filler(k)) { del[k] = 1; n++ }
		note("deleted the stack check")
	} else if (m ~ /^stack-/) {
		n = L[sc + 1]; sub(/^[ \t]*\.long[ \t]*/, "", n); n += 0
		d = (m == "stack-shrink") ? n - 4 : (m == "stack-zero") ? 0 : n + 64
		L[sc + 1] = "\t.long " d; note("checks " d " bytes instead of " n)
	} else if (m == "nop-all") {
		for (k = b0; k < epi; k++) if (isins(k)) pre[k] = pre[k] "\tnop\n"
		note("nop before every instruction of the body")
	} else {
		if (m == "int-to-ptr") s = "movl $0x1000, " (arg == "" ? fw(8) : arg)
		else if (m == "jmp-reg") s = "jmp *%eax"
		else if (m == "push-ret") s = "pushl $" (arg == "" ? fn : arg) "\n\tret"
		else if (m == "esp-sub") s = "subl $4, %esp"
		else if (m == "esp-add") s = "addl $4, %esp"
		else if (m == "esp-ebp") s = "movl %ebp, %esp"
		else if (m == "ebp-add") s = "addl $64, %ebp"
		else if (m == "write-retaddr") s = "movl %ecx, " fw(4)
		else if (m == "write-saved") s = "movl %ecx, " fw(fp ? -4 : 0)
		else if (m == "int80") s = "int $0x80"
		else if (m == "nop") s = "nop"
		o = s; gsub(/\n\t/, "; ", o)
		if (m == "ebp-add" && !fp) { pre[i] = pre[i] "\t" s "\n"; note("inserted '" o "' before the ret") }
		else { post[i] = post[i] "\t" s "\n"; note("inserted '" o "'") }
	}
}

{ L[++n] = $0 }

END {
	if (bad) exit bad
	catalogue()
	if (list) { for (k in cat) print k, cat[k]; exit 0 }
	name = mut; arg = ""
	if (index(mut, ":")) { name = substr(mut, 1, index(mut, ":") - 1); arg = substr(mut, index(mut, ":") + 1) }
	if (!(name in cat)) die("unknown mutation '" name "'")
	if (fn == "") die("no function (-v fn=NAME)")
	if (nth == "") nth = 1
	# find the function: its label in .text, up to its .size
	intext = 0; fstart = 0
	for (i = 1; i <= n; i++) {
		if (L[i] ~ /^\t\.pushsection/) depth++
		if (depth) aside[i] = 1
		if (L[i] ~ /^\t\.popsection/) depth--
	}
	for (i = 1; i <= n; i++) {
		if (L[i] ~ /^\t\.text/) intext = 1
		else if (L[i] ~ /^\t\.(section|data|bss)/) intext = 0
		if (intext && L[i] == fn ":") { fstart = i; break }
	}
	if (!fstart) die("no function '" fn "' in .text")
	for (fend = fstart; fend <= n && L[fend] !~ "^\t\\.size " fn ","; fend++) ;
	b0 = epi = sc = 0
	for (i = fstart; i < fend; i++) {
		if (L[i] == ".L" fn ".b0:") b0 = i
		if (L[i] == ".L" fn ".epilogue:") epi = i
		if (!sc && L[i] ~ /^\t\.byte 0x2d/ && L[i + 1] ~ /^\t\.long [0-9]+/) sc = i
	}
	if (!b0) die("no label .L" fn ".b0")
	# the frame (cc/i386/abi.c): with a frame pointer, or (-O1 and up
	# without -g) addressed from %esp, DELTA bytes below the saved %ebp
	fp = 0; delta = 0
	for (i = fstart; i < b0; i++) {
		if (L[i] == "\tmovl %esp, %ebp") fp = 1
		else if (L[i] ~ /^\tpushl %e(bx|si|di)$/) delta += 4
		else if (L[i] ~ /^\tsubl \$[0-9]+, %esp$/) { t = L[i]; sub(/^\tsubl \$/, "", t); delta += t + 0 }
	}
	if (!epi) epi = fend
	bstart = b0
	find(name)
	if (nc < nth) {
		printf "mutate: %s in %s: nothing to mutate (%d place%s, wanted number %d)\n", mut, fn, nc, nc == 1 ? "" : "s", nth > "/dev/stderr"
		exit 3
	}
	apply(name, arg, C[nth])
	for (i = 1; i <= n; i++) {
		if (i in pre) printf "%s", pre[i]
		if (!(i in del)) print L[i]
		if (i in post) printf "%s", post[i]
	}
}
