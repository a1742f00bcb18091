/* tld-verify.c -- the proof checker (tld/verify.c) rule by rule.
 *
 * Every case is a small i386 function written the way cuckoo-cc writes it
 * (the stack check as exact bytes, the prologue, the body, trap stubs; the
 * .cuckoo.types block and the .cuckoo.proof as .ascii), assembled at test
 * time with the build's assembler and checked with tld_verify_object.  For
 * each rule of doc/verify.md there is a snippet that must be accepted and
 * a minimal violation that must be refused with its reason: the refusal is
 * "FILE: FUNC+0xOFF: cannot prove OP: REASON", and OFF is the instruction
 * the snippet marks with the label .Lbad (the harness records .Lbad - FUNC
 * in a section .vunit that the checker never reads).  An accepted snippet
 * passes the whole audit of a Cuckoo input (structure, symbols, code
 * discipline, then the proof), as in tld_check_cuckoo_input; a refused one
 * goes to tld_verify_object alone, so that what is tested is the checker's
 * rule and not an earlier one.
 *
 * The assembler is VUNIT_AS (from tld/Makefile's CUCKOO_AS at build time),
 * or $CUCKOO_AS when set.  VUNIT_VERBOSE=1 prints every case's findings,
 * VUNIT_KEEP=1 keeps the sources and objects. */
#include "config.h"
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tld.h"

#ifndef VUNIT_AS
#define VUNIT_AS "as"
#endif

struct vcase {
    const char *name;
    const char *type;  /* f's canonical type; default f(i32;i32) */
    const char *ptype; /* the proof's type of f, when it differs from the block's */
    const char *body;  /* f after pushl %ebp; movl %esp, %ebp (NULL: f is in extra) */
    const char *extra; /* more assembly: data, other functions (FUNC g / ENDF g) */
    const char *recs;  /* more block records, '\n'-separated; a "def func" also gets its proof record */
    const char *proof; /* more lines of f's proof record (frame, slots) */
    const char *objs;  /* more proof records after f's (objects, static functions) */
    const char *fn;    /* the function (or object) the refusal names; default "f" */
    const char *want;  /* NULL: accepted; else what follows "cannot prove " */
    const char *objmsg; /* instead of want: a refusal of the whole object, "FILE: OBJMSG" */
};

/* The start of every snippet: cuckoo-cc's stack check (abi.md, as exact
 * bytes), the prologue, the trap stubs and their site record. */
static const char head[] =
    "\t.macro STACKCHECK n, trap\n"
    "\t.byte 0x89, 0xe0, 0x2d\n\t.long \\n\n"
    "\t.byte 0x0f, 0x82\n\t.long \\trap - . - 4\n"
    "\t.byte 0x65, 0x3b, 0x05\n\t.long __cuckoo_stack_limit@ntpoff\n"
    "\t.byte 0x0f, 0x82\n\t.long \\trap - . - 4\n"
    "\t.endm\n"
    "\t.macro TRAPSTUB\n"
    "\tpushl $0\n\tpushl $0\n\tpushl $0\n\tpushl $0\n\tpushl $hwsite\n\tcall __cuckoo_trap\n"
    "\t.endm\n"
    /* FUNC NAME: a global function's entry, its stack check and frame */
    "\t.macro FUNC name\n"
    "\t.text\n\t.globl \\name\n\t.type \\name,@function\n\\name:\n"
    "\tSTACKCHECK 256, .Lstack_\\name\n\tpushl %ebp\n\tmovl %esp, %ebp\n"
    "\t.endm\n"
    /* ENDF NAME: its trap stubs (.Ltrap_NAME for the body) and its size */
    "\t.macro ENDF name\n"
    ".Ltrap_\\name:\n\tTRAPSTUB\n.Lstack_\\name:\n\tTRAPSTUB\n\t.size \\name, .-\\name\n"
    "\t.endm\n";

static const char trapref[] =
    "ref func __cuckoo_trap f(v;p(k(s:__cuckoo_site?)),i64,i64)\nref tls __cuckoo_stack_limit u32\n"
    "ref tls __cuckoo_domain_top u32\n";

/* Each line of TEXT as an .ascii directive. */
static void ascii_lines(FILE *out, const char *text)
{
    while (text && *text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        if (n)
            fprintf(out, "\t.ascii \"%.*s\\n\"\n", (int)n, text);
        text += n + (nl != NULL);
    }
}

/* The proof record of every "def func NAME TYPE" line of RECS. */
static void def_func_proofs(FILE *out, const char *recs)
{
    while (recs && *recs) {
        const char *nl = strchr(recs, '\n');
        size_t n = nl ? (size_t)(nl - recs) : strlen(recs);
        if (n > 9 && !strncmp(recs, "def func ", 9))
            fprintf(out, "\t.ascii \"func %.*s\\nend\\n\"\n", (int)n - 9, recs + 9);
        recs += n + (nl != NULL);
    }
}

/* PROOF: the .cuckoo.proof text to write instead of the case's (the
 * prover's, for the round trip below), or NULL. */
static void write_source(const struct vcase *c, const char *path, const char *proof)
{
    FILE *out = fopen(path, "w");
    ck_assert_msg(out != NULL, "cannot write %s: %s", path, strerror(errno));
    const char *type = c->type ? c->type : "f(i32;i32)";
    fputs(head, out);
    if (c->body)
        fprintf(out, "\tFUNC f\n%s\n\tENDF f\n", c->body);
    if (c->extra)
        fprintf(out, "%s\n", c->extra);
    const char *where = c->fn ? c->fn : "f";
    int marked = (c->body && strstr(c->body, ".Lbad:")) || (c->extra && strstr(c->extra, ".Lbad:"));
    if (marked && (c->want || c->objmsg))
        fprintf(out, "\t.section .vunit,\"\",@progbits\n\t.long .Lbad - %s\n", where);
    fputs("\t.section .rodata\n\t.p2align 2\n\t.type hwsite,@object\n\t.size hwsite,24\n"
          "hwsite:\n\t.long 0,0,0,0,0,0\n",
          out);
    fputs("\t.section .cuckoo.types,\"\",@progbits\n", out);
    ascii_lines(out, "cuckoo-object 1\nproducer cuckoo-cc 0.1.0\nsource vunit.ck\n"
                     "checks bounds null stack divide\n");
    if (c->body)
        fprintf(out, "\t.ascii \"def func f %s\\n\"\n", type);
    ascii_lines(out, c->recs);
    ascii_lines(out, trapref);
    ascii_lines(out, "end\n");
    fputs("\t.section .cuckoo.proof,\"\",@progbits\n", out);
    if (proof) {
        ascii_lines(out, proof);
        fputs("\t.section .note.GNU-stack,\"\",@progbits\n", out);
        ck_assert_int_eq(fclose(out), 0);
        return;
    }
    ascii_lines(out, "cuckoo-proof 1\nobject hwsite site\n");
    if (c->body) {
        fprintf(out, "\t.ascii \"func f %s\\n\"\n", c->ptype ? c->ptype : type);
        ascii_lines(out, c->proof);
        ascii_lines(out, "end\n");
    }
    def_func_proofs(out, c->recs);
    ascii_lines(out, c->objs);
    fputs("\t.section .note.GNU-stack,\"\",@progbits\n", out);
    ck_assert_int_eq(fclose(out), 0);
}

static void assemble(const char *src, const char *obj)
{
    const char *as = getenv("CUCKOO_AS");
    if (!as || !*as)
        as = VUNIT_AS;
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        execlp(as, as, "--32", "-o", obj, src, (char *)NULL);
        _exit(127);
    }
    int st;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s --32 cannot assemble %s", as, src);
}

static void free_file(struct tld_file *f)
{
    for (size_t i = 0; i < f->nobjs; i++) {
        struct tld_obj *o = f->objs[i];
        tld_elf_free(&o->elf);
        if (o->blocks)
            tld_blocks_free(o->blocks, o->nblocks);
        free(o->name);
        free(o->path);
        free(o->member);
        free(o);
    }
    free(f->objs);
    free(f->bytes);
    free(f->path);
    free(f);
}

static void clear_findings(void)
{
    for (size_t i = 0; i < tld_nfindings; i++) {
        free(tld_findings[i].where);
        free(tld_findings[i].msg);
    }
    tld_nfindings = 0;
    tld_nerrors = 0;
    tld_nwarnings = 0;
}

static char *findings_text(void)
{
    size_t n = 1;
    for (size_t i = 0; i < tld_nfindings; i++)
        n += strlen(tld_findings[i].where ? tld_findings[i].where : "") + strlen(tld_findings[i].msg) + 8;
    char *s = xmalloc(n);
    s[0] = 0;
    for (size_t i = 0; i < tld_nfindings; i++) {
        strcat(s, "\n  ");
        strcat(s, tld_findings[i].where ? tld_findings[i].where : "");
        strcat(s, ": ");
        strcat(s, tld_findings[i].msg);
    }
    return s;
}

/* ================================================================== */
/* The cases, rule by rule (doc/verify.md "The rules")                 */
/* ================================================================== */

static const struct vcase cases[] = {
/* ---- Control ---- */
{.name = "control-ok-ret", .body = "\tmovl $0, %eax\n\tleave\n\tret"},
{.name = "control-ok-epilogue-pops",
 .body = "\tpushl %ebx\n\tpushl %esi\n\tsubl $8, %esp\n\tmovl $1, %ebx\n\tmovl $2, %esi\n\tmovl $0, %eax\n"
         "\tleal -8(%ebp), %esp\n\tpopl %esi\n\tpopl %ebx\n\tpopl %ebp\n\tret"},
{.name = "control-ok-jumps",
 .body = "\tmovl 8(%ebp), %eax\n\tcmpl $3, %eax\n\tjl .L1\n\tmovl $3, %eax\n.L1:\n\tleave\n\tret"},
{.name = "control-bad-jump-into-insn",
 .body = ".Lbad:\n\tjmp .L1+1\n.L1:\n\tmovl $0x12345678, %eax\n\tleave\n\tret",
 .want = "a jump: to 0x*"},
{.name = "control-bad-call-not-entry",
 .body = "\tsubl $8, %esp\n.Lbad:\n\tcall g+1\n\tleave\n\tret",
 .extra = "\tFUNC g\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g", .recs = "def func g f(i32;)\n",
 .want = "call: an address inside a function"},
{.name = "control-bad-call-local-label",
 .body = "\tsubl $8, %esp\n.Lbad:\n\tcall .L1\n.L1:\n\tleave\n\tret",
 .want = "call: a call that is not to a function entry"},
{.name = "control-bad-ret-esp-moved",
 .body = "\tmovl $0, %eax\n\tpopl %ebp\n\tpushl %eax\n.Lbad:\n\tret",
 .want = "return: %esp is not at its entry value"},
{.name = "control-bad-ret4",
 .body = "\tmovl $0, %eax\n\tleave\n.Lbad:\n\tret $4",
 .want = "return: ret $4 for a function that pops no argument"},
{.name = "control-bad-ebx-not-restored",
 .body = "\tmovl $0, %eax\n\tmovl $1, %ebx\n\tleave\n.Lbad:\n\tret",
 .want = "return: %ebx is not restored"},
{.name = "control-bad-esi-not-restored",
 .body = "\tpushl %esi\n\tmovl $0, %eax\n\tmovl $1, %esi\n\tleal 0(%ebp), %esp\n\tpopl %ebp\n.Lbad:\n\tret",
 .want = "return: %esi is not restored"},
{.name = "control-bad-ebx-esi-swapped",
 .body = "\tmovl $0, %eax\n\tmovl %ebx, %ecx\n\tmovl %esi, %ebx\n\tmovl %ecx, %esi\n\tleave\n.Lbad:\n\tret",
 .want = "return: %ebx is not restored"},
{.name = "control-bad-falls-off",
 .extra = "\t.text\n\t.globl f\n\t.type f,@function\nf:\n\tSTACKCHECK 256, .Lst\n\tpushl %ebp\n\tmovl %esp, %ebp\n"
          "\tjmp .Lend\n.Lst:\n\tTRAPSTUB\n.Lend:\n\tmovl $0, %eax\n.Lbad:\n\t.size f, .-f",
 .recs = "def func f f(i32;i32)\n",
 .want = "the function: execution falls off its end"},
{.name = "control-bad-jmp-reg",
 .body = "\tmovl 8(%ebp), %eax\n.Lbad:\n\tjmp *%eax\n\tleave\n\tret",
 .want = "a jump: an indirect jump"},
{.name = "control-bad-push-ret",
 .body = "\tmovl 8(%ebp), %eax\n\tleave\n\tpushl %eax\n.Lbad:\n\tret",
 .want = "return: %esp is not at its entry value"},
{.name = "control-bad-return-address-changed",
 .body = ".Lbad:\n\tmovl $0, 4(%ebp)\n\tleave\n\tret",
 .want = "store: the return address"},
/* ---- Stack ---- */
{.name = "stack-ok-frame",
 .body = "\tsubl $8, %esp\n\tmovl $1, -8(%ebp)\n\tmovl -8(%ebp), %eax\n\tpushl %eax\n\tpopl %eax\n\tleave\n\tret",
 .proof = "frame 12 saved 0\nscratch -8 4\n"},
{.name = "stack-bad-esp-sub",
 .body = "\tsubl $8, %esp\n.Lbad:\n\tsubl $4, %esp\n\tleave\n\tret",
 .want = "a change of %esp: below the frame the prologue allocated, outside a trap stub"},
{.name = "stack-bad-esp-reg",
 .body = "\tsubl $8, %esp\n\tmovl 8(%ebp), %eax\n.Lbad:\n\tsubl %eax, %esp\n\tleave\n\tret",
 .want = "a change of %esp: only by an immediate"},
{.name = "stack-bad-esp-above-entry",
 .body = "\tpopl %ebp\n.Lbad:\n\taddl $4, %esp\n\tsubl $4, %esp\n\tret",
 .want = "a stack operation: %esp would leave the frame (4 bytes from the entry %esp)"},
{.name = "stack-bad-ebp-set",
 .body = "\tsubl $8, %esp\n.Lbad:\n\tmovl %esp, %ebp\n\tleave\n\tret",
 .want = "a change of %ebp: %ebp may only be set by the prologue"},
{.name = "stack-bad-outside-frame",
 .body = "\tsubl $8, %esp\n.Lbad:\n\tmovl -100(%ebp), %eax\n\tleave\n\tret",
 .want = "load: 4 bytes at -104 from the entry %esp: not inside one frame slot"},
{.name = "stack-bad-above-args",
 .body = "\tsubl $8, %esp\n.Lbad:\n\tmovl 12(%ebp), %eax\n\tleave\n\tret",
 .want = "load: 4 bytes at 8 from the entry %esp: not inside one frame slot"},
{.name = "stack-ok-below-esp-integer",
 .body = "\tsubl $8, %esp\n\tmovl $7, -4(%esp)\n\tmovl -4(%esp), %eax\n\tleave\n\tret"},
{.name = "stack-bad-below-esp-after-pop",
 .type = "f(i32;pg(i32))",
 .body = "\tsubl $8, %esp\n\tmovl 8(%ebp), %ecx\n\ttestl %ecx, %ecx\n\tje .Ltrap_f\n\tpushl %ecx\n\tpopl %edx\n"
         "\tmovl -4(%esp), %eax\n.Lbad:\n\tmovl (%eax), %eax\n\tleave\n\tret",
 .want = "load: the base register %eax does not hold a pointer"},
{.name = "stack-bad-below-esp-after-call",
 .type = "f(i32;pg(i32))",
 .body = "\tsubl $8, %esp\n\tmovl 8(%ebp), %ecx\n\ttestl %ecx, %ecx\n\tje .Ltrap_f\n\tmovl %ecx, -8(%esp)\n\tcall g\n"
         "\tmovl -8(%esp), %eax\n.Lbad:\n\tmovl (%eax), %eax\n\tleave\n\tret",
 .extra = "\tFUNC g\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g", .recs = "def func g f(i32;)\n",
 .want = "load: the base register %eax does not hold a pointer"},
{.name = "stack-ok-call-with-pushed-args",
 .body = "\tsubl $8, %esp\n\tpushl $1\n\tcall g\n\taddl $4, %esp\n\tleave\n\tret",
 .extra = "\tFUNC g\n\tmovl 8(%ebp), %eax\n\tleave\n\tret\n\tENDF g", .recs = "def func g f(i32;i32)\n"},
{.name = "stack-bad-call-not-bottom",
 .body = "\tsubl $8, %esp\n\taddl $4, %esp\n.Lbad:\n\tcall g\n\tleave\n\tret",
 .extra = "\tFUNC g\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g", .recs = "def func g f(i32;)\n",
 .want = "call: %esp is above the frame's bottom"},
/* ---- Memory ---- */
#define ARR "\t.data\n\t.globl arr\n\t.p2align 2\n\t.type arr,@object\n\t.size arr,20\narr:\n\t.long 4\n\t.zero 16\n"
#define ARR_REC "def data arr a4(i32)\n"
#define NULLCHK(r) "\ttestl %" r ", %" r "\n\tje .Ltrap_f\n"
/* the discipline's form of an indirect call: the je in its rel32 form */
#define ICALL(r) "\ttestl %" r ", %" r "\n\t.byte 0x0f, 0x84\n\t.long .Ltrap_f - . - 4\n\tcall *%" r "\n"
{.name = "memory-ok-nonnull", .type = "f(i32;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") "\tmovl (%ecx), %eax\n\tleave\n\tret"},
{.name = "memory-bad-null", .type = "f(i32;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n.Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret",
 .want = "load: %ecx may be NULL"},
{.name = "memory-bad-null-other-pointer", .type = "f(i32;p(i32),p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\tmovl 12(%ebp), %edx\n" NULLCHK("edx") ".Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret",
 .want = "load: %ecx may be NULL"},
/* two loads of one argument cell are one value: testing either proves both */
{.name = "memory-ok-null-test-copy", .type = "f(i32;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\tmovl 8(%ebp), %edx\n" NULLCHK("edx") "\tmovl (%ecx), %eax\n\tleave\n\tret"},
{.name = "memory-bad-null-test-then-reload-global", .extra = "\t.data\n\t.globl gp\n\t.p2align 2\n\t.type gp,@object\n\t.size gp,4\ngp:\n\t.long 0\n",
 .recs = "def data gp p(i32)\n",
 .body = "\tmovl gp, %edx\n" NULLCHK("edx") "\tmovl gp, %ecx\n.Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret",
 .want = "load: %ecx may be NULL"},
{.name = "memory-bad-deref-on-null-edge", .type = "f(i32;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\ttestl %ecx, %ecx\n\tje .L1\n\tmovl $0, %eax\n\tleave\n\tret\n.L1:\n.Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret",
 .want = "load: the base register %ecx does not hold a pointer"},
{.name = "memory-bad-not-pointer", .type = "f(i32;i32)",
 .body = "\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") ".Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret",
 .want = "load: the base register %ecx does not hold a pointer"},
{.name = "memory-ok-member", .type = "f(i32;p(s:S{a:i32,b:i32}))",
 .body = "\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") "\tmovl 4(%ecx), %eax\n\tleave\n\tret"},
{.name = "memory-bad-past-member", .type = "f(i32;p(s:S{a:i32,b:i32}))",
 .body = "\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") ".Lbad:\n\tmovl 8(%ecx), %eax\n\tleave\n\tret",
 .want = "load: outside the object"},
{.name = "memory-ok-index-const-bound", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $4, %ecx\n\tjae .Ltrap_f\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret"},
{.name = "memory-bad-index-unproved", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "memory-bad-index-bound-too-big", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $5, %ecx\n\tjae .Ltrap_f\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "memory-bad-index-signed-bound", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $4, %ecx\n\tjge .Ltrap_f\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "memory-ok-index-length-word", .type = "f(i32;p(a(i32)),i32)",
 .body = "\tmovl 8(%ebp), %ecx\n\tmovl 12(%ebp), %edx\n" NULLCHK("ecx")
         "\tcmpl -4(%ecx), %edx\n\tjae .Ltrap_f\n\tmovl (%ecx,%edx,4), %eax\n\tleave\n\tret"},
{.name = "memory-bad-index-other-array", .type = "f(i32;p(a(i32)),p(a(i32)),i32)",
 .body = "\tmovl 8(%ebp), %ecx\n\tmovl 12(%ebp), %ebx\n\tmovl 16(%ebp), %edx\n" NULLCHK("ecx") NULLCHK("ebx")
         "\tcmpl -4(%ebx), %edx\n\tjae .Ltrap_f\n.Lbad:\n\tmovl (%ecx,%edx,4), %eax\n\tleave\n\tret",
 .want = "load: index %edx not proved below the array's length"},
{.name = "memory-ok-const-index-length-word", .type = "f(i32;p(a(i32)))",
 .body = "\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") "\tmovl $2, %edx\n\tcmpl -4(%ecx), %edx\n\tjae .Ltrap_f\n"
         "\tmovl 8(%ecx), %eax\n\tleave\n\tret"},
{.name = "memory-bad-const-index-unknown-length", .type = "f(i32;p(a(i32)))",
 .body = "\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") ".Lbad:\n\tmovl 8(%ecx), %eax\n\tleave\n\tret",
 .want = "load: element 2 not proved below the array's length"},
{.name = "memory-bad-const-index-past-length", .extra = ARR, .recs = ARR_REC,
 .body = ".Lbad:\n\tmovl arr+20, %eax\n\tleave\n\tret",
 .want = "load: outside the object"},
{.name = "memory-bad-scaled-index-past-object", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $4, %ecx\n\tjae .Ltrap_f\n.Lbad:\n\tmovl arr+4(,%ecx,8), %eax\n\tleave\n\tret",
 .want = "load: an indexed access that is not an element of an array"},
{.name = "memory-ok-imul-index", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $4, %ecx\n\tjae .Ltrap_f\n\timull $4, %ecx, %edx\n\tmovl $arr+4, %eax\n"
         "\tmovl (%eax,%edx), %eax\n\tleave\n\tret"},
{.name = "memory-bad-imul-index-past-object", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $4, %ecx\n\tjae .Ltrap_f\n\timull $8, %ecx, %edx\n\tmovl $arr+4, %eax\n"
         ".Lbad:\n\tmovl (%eax,%edx), %eax\n\tleave\n\tret",
 .want = "load: an indexed access that is not an element of an array"},
{.name = "memory-ok-local-array-index", .type = "f(i32;i32)",
 .body = "\tsubl $16, %esp\n\tmovl $0, -16(%ebp)\n\tmovl $0, -12(%ebp)\n\tmovl $0, -8(%ebp)\n\tmovl $0, -4(%ebp)\n\tmovl $3, -16(%ebp)\n"
         "\tmovl 8(%ebp), %ecx\n\tcmpl $3, %ecx\n\tjae .Ltrap_f\n\tmovl -12(%ebp,%ecx,4), %eax\n\tleave\n\tret",
 .proof = "slot -16 16 a3(i32)\n"},
{.name = "memory-bad-local-array-index", .type = "f(i32;i32)",
 .body = "\tsubl $16, %esp\n\tmovl $0, -16(%ebp)\n\tmovl $0, -12(%ebp)\n\tmovl $0, -8(%ebp)\n\tmovl $0, -4(%ebp)\n\tmovl $3, -16(%ebp)\n"
         "\tmovl 8(%ebp), %ecx\n\tcmpl $4, %ecx\n\tjae .Ltrap_f\n.Lbad:\n\tmovl -12(%ebp,%ecx,4), %eax\n\tleave\n\tret",
 .proof = "slot -16 16 a3(i32)\n",
 .want = "load: index %ecx not proved below 3"},
/* an index from a pointer into the middle of an array */
{.name = "memory-bad-index-from-element-1", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl $arr+8, %ecx\n\tmovl 8(%ebp), %edx\n\tcmpl $4, %edx\n\tjae .Ltrap_f\n.Lbad:\n\tmovl (%ecx,%edx,4), %eax\n\tleave\n\tret",
 .want = "load: an indexed access that is not an element of an array"},
{.name = "memory-bad-length-from-element-1", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl $arr+8, %ecx\n\tmovl 8(%ebp), %edx\n\tcmpl -4(%ecx), %edx\n\tjae .Ltrap_f\n.Lbad:\n\tmovl (%ecx,%edx,4), %eax\n\tleave\n\tret",
 .want = "load: an indexed access that is not an element of an array"},
{.name = "memory-bad-lea-unproved", .type = "f(i32;p(a(i32)),i32)",
 .body = "\tmovl 8(%ebp), %ecx\n\tmovl 12(%ebp), %edx\n" NULLCHK("ecx") ".Lbad:\n\tleal (%ecx,%edx,4), %eax\n\tmovl (%eax), %eax\n\tleave\n\tret",
 .want = "lea: the address of an element whose index is not proved in bounds"},
{.name = "memory-ok-read-length-word", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl arr, %eax\n\tleave\n\tret"},
{.name = "memory-bad-write-length-word", .extra = ARR, .recs = ARR_REC,
 .body = ".Lbad:\n\tmovl $1000, arr\n\tleave\n\tret",
 .want = "store: into a length word"},
{.name = "memory-bad-write-length-word-through-pointer", .type = "f(i32;p(a(i32)))",
 .body = "\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") ".Lbad:\n\tmovl $1000, -4(%ecx)\n\tleave\n\tret",
 .want = "store: into a length word"},
{.name = "memory-bad-store-rodata",
 .extra = "\t.section .rodata\n\t.globl k\n\t.p2align 2\n\t.type k,@object\n\t.size k,4\nk:\n\t.long 3\n",
 .recs = "def data k k(i32)\n",
 .body = ".Lbad:\n\tmovl $1, k\n\tleave\n\tret",
 .want = "store: into read-only data"},
{.name = "memory-bad-absolute", .body = ".Lbad:\n\tmovl 0x1000, %eax\n\tleave\n\tret", .want = "load: an absolute address"},
/* The domain test (common/abi.h): past it the function runs outside every
 * protection domain, and may store anywhere its types allow (§13.3). */
#define DOM(fn) "\tcmpl $0, %gs:__cuckoo_domain_top@ntpoff\n\tjne .Ltrap_" fn "\n"
{.name = "memory-bad-segment", .body = ".Lbad:\n\tmovl %fs:0, %eax\n\tleave\n\tret", .want = "load: through %fs/%gs other than the stack limit or the domain flag"},
/* ---- Stores inside protection domains (§13.3, doc/domains.md "Isolation") ---- */
{.name = "domain-bad-store-global", .extra = "\t.data\n\t.globl gd\n\t.p2align 2\n\t.type gd,@object\n\t.size gd,4\ngd:\n\t.long 0\n",
 .recs = "def data gd i32\n", .body = ".Lbad:\n\tmovl $1, gd\n\tleave\n\tret",
 .want = "store: into static storage with no domain check before it"},
{.name = "domain-bad-store-param", .type = "f(v;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\ttestl %ecx, %ecx\n\tje .Ltrap_f\n.Lbad:\n\tmovl $1, (%ecx)\n\tleave\n\tret",
 .want = "store: through %ecx, which may point into static storage, with no domain check before it"},
{.name = "domain-ok-store-param-checked", .type = "f(v;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\ttestl %ecx, %ecx\n\tje .Ltrap_f\n"
         "\tcmpl $0, %gs:__cuckoo_domain_top@ntpoff\n\tjne .Lst\n.Lback:\n\tmovl $1, (%ecx)\n\tleave\n\tret\n"
         ".Lst:\n\tcmpl $__cuckoo_static_end, %ecx\n\tjae .Lback\n\tcmpl $__cuckoo_static_start, %ecx\n\tjb .Lback\n\tjmp .Ltrap_f"},
{.name = "domain-bad-store-param-turned", .type = "f(v;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\ttestl %ecx, %ecx\n\tje .Ltrap_f\n"
         "\tcmpl $0, %gs:__cuckoo_domain_top@ntpoff\n\tjne .Lst\n.Lbad:\n.Lback:\n\tmovl $1, (%ecx)\n\tleave\n\tret\n"
         ".Lst:\n\tcmpl $__cuckoo_static_end, %ecx\n\tjb .Lback\n\tcmpl $__cuckoo_static_start, %ecx\n\tjae .Lback\n\tjmp .Ltrap_f",
 .want = "store: through %ecx, which may point into static storage, with no domain check before it"},
{.name = "domain-bad-test-turned", .type = "f(v;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\ttestl %ecx, %ecx\n\tje .Ltrap_f\n"
         "\tcmpl $0, %gs:__cuckoo_domain_top@ntpoff\n\tje .Ltrap_f\n.Lbad:\n\tmovl $1, (%ecx)\n\tleave\n\tret",
 .want = "store: through %ecx, which may point into static storage, with no domain check before it"},
{.name = "domain-ok-frame-store", .type = "f(i32;)", .body = "\tsubl $8, %esp\n\tleal -4(%ebp), %ecx\n\tmovl $1, (%ecx)\n\tmovl -4(%ebp), %eax\n\tleave\n\tret",
 .proof = "slot -8 8 a1(i32)\n"},
/* ---- Types ---- */
#define GP "\t.data\n\t.globl gp\n\t.p2align 2\n\t.type gp,@object\n\t.size gp,4\ngp:\n\t.long 0\n"
#define GI "\t.data\n\t.globl gi\n\t.p2align 2\n\t.type gi,@object\n\t.size gi,4\ngi:\n\t.long 0\n"
{.name = "types-ok-store-pointer", .extra = GP GI, .recs = "def data gp p(i32)\ndef data gi i32\n",
 .body = DOM("f") "\tmovl $gi, gp\n\tmovl $0, gp\n\tleave\n\tret"},
{.name = "types-ok-store-global-param", .type = "f(v;pg(i32))", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = DOM("f") "\tmovl 8(%ebp), %ecx\n\tmovl %ecx, gp\n\tleave\n\tret"},
{.name = "types-bad-int-into-pointer", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = "\tmovl 8(%ebp), %eax\n.Lbad:\n\tmovl %eax, gp\n\tleave\n\tret",
 .want = "store: a pointer-typed location receives an integer, not a pointer"},
{.name = "types-bad-wrong-pointee", .extra = GP "\t.data\n\t.globl gs\n\t.p2align 2\n\t.type gs,@object\n\t.size gs,2\ngs:\n\t.short 0\n",
 .recs = "def data gp p(i32)\ndef data gs i16\n",
 .body = ".Lbad:\n\tmovl $gs, gp\n\tleave\n\tret",
 .want = "store: a pointer-typed location receives a pointer to another type"},
{.name = "types-bad-const-removed", .type = "f(v;pg(k(i32)))", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = "\tmovl 8(%ebp), %ecx\n.Lbad:\n\tmovl %ecx, gp\n\tleave\n\tret",
 .want = "store: a pointer-typed location receives a pointer to another type"},
{.name = "types-bad-store-through-const", .type = "f(v;p(k(i32)))",
 .body = "\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") ".Lbad:\n\tmovl $1, (%ecx)\n\tleave\n\tret",
 .want = "store: into a const object"},
{.name = "types-bad-stack-param-into-global", .type = "f(v;p(i32))", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = "\tmovl 8(%ebp), %ecx\n.Lbad:\n\tmovl %ecx, gp\n\tleave\n\tret",
 .want = "store: a stack-bound pointer stored where it may outlive the frame"},
{.name = "types-bad-frame-address-into-global", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = "\tsubl $8, %esp\n\tmovl $0, -8(%ebp)\n\tleal -8(%ebp), %eax\n.Lbad:\n\tmovl %eax, gp\n\tleave\n\tret",
 .proof = "slot -8 4 i32\n",
 .want = "store: a stack-bound pointer stored where it may outlive the frame"},
{.name = "types-bad-return-stack-bound", .type = "f(p(i32);p(i32))",
 .body = "\tmovl 8(%ebp), %eax\n\tleave\n.Lbad:\n\tret",
 .want = "return: the result is a stack-bound pointer"},
{.name = "types-bad-return-integer-as-pointer", .type = "f(p(i32);i32)",
 .body = "\tmovl 8(%ebp), %eax\n\tleave\n.Lbad:\n\tret",
 .want = "return: the result in %eax is an integer, not a pointer"},
{.name = "types-ok-return-global-pointer", .type = "f(p(i32);i32)", .extra = GI, .recs = "def data gi i32\n",
 .body = "\tmovl $gi, %eax\n\tleave\n\tret"},
{.name = "types-ok-call-args", .type = "f(i32;)",
 .body = "\tsubl $8, %esp\n\tmovl $gi, 0(%esp)\n\tcall g\n\tleave\n\tret",
 .proof = "out -8 4\n",
 .extra = GI "\tFUNC g\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g", .recs = "def data gi i32\ndef func g f(i32;p(i32))\n"},
{.name = "types-bad-call-arg", .type = "f(i32;)",
 .body = "\tsubl $8, %esp\n\tmovl $5, 0(%esp)\n.Lbad:\n\tcall g\n\tleave\n\tret",
 .proof = "out -8 4\n",
 .extra = "\tFUNC g\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g", .recs = "def func g f(i32;p(i32))\n",
 .want = "call: argument 1 of g is an integer, not a pointer"},
{.name = "types-bad-call-stack-to-global-param", .type = "f(i32;p(i32))",
 .body = "\tsubl $8, %esp\n\tmovl 8(%ebp), %ecx\n\tmovl %ecx, 0(%esp)\n.Lbad:\n\tcall g\n\tleave\n\tret",
 .proof = "out -8 4\n",
 .extra = "\tFUNC g\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g", .recs = "def func g f(i32;pg(i32))\n",
 .want = "call: argument 1 of g is a stack-bound pointer for a 'global' pointer"},
#define STR "\t.section .rodata\n\t.type str.0,@object\n\t.size str.0,8\nstr.0:\n\t.long 4\n\t.ascii \"%d\\\\n\\\\0\"\n" \
            "\t.type str.1,@object\n\t.size str.1,8\nstr.1:\n\t.long 4\n\t.ascii \"%s\\\\n\\\\0\"\n"
#define PRINTF_REC "ref func __cuckoo_printf f(i32;p(a(k(c8))),...)\n"
{.name = "types-ok-printf", .type = "f(i32;)",
 .body = "\tsubl $16, %esp\n\tmovl $str.0+4, 0(%esp)\n\tmovl $3, 4(%esp)\n\tcall __cuckoo_printf\n\tleave\n\tret",
 .proof = "out -16 8\n", .extra = STR, .recs = PRINTF_REC, .objs = "object str.0 a4(k(c8))\nobject str.1 a4(k(c8))\n"},
{.name = "types-bad-printf-format-arg", .type = "f(i32;)",
 .body = "\tsubl $16, %esp\n\tmovl $str.1+4, 0(%esp)\n\tmovl $3, 4(%esp)\n.Lbad:\n\tcall __cuckoo_printf\n\tleave\n\tret",
 .proof = "out -16 8\n", .extra = STR, .recs = PRINTF_REC, .objs = "object str.0 a4(k(c8))\nobject str.1 a4(k(c8))\n",
 .want = "call: argument 1 of __cuckoo_printf's format (%s) is an integer, not a pointer"},
/* the argument "%d" takes would be the saved %ebp */
{.name = "types-bad-printf-missing-arg", .type = "f(i32;)",
 .body = "\tsubl $4, %esp\n\tmovl $str.0+4, 0(%esp)\n.Lbad:\n\tcall __cuckoo_printf\n\tleave\n\tret",
 .proof = "out -4 4\n", .extra = STR, .recs = PRINTF_REC, .objs = "object str.0 a4(k(c8))\nobject str.1 a4(k(c8))\n",
 .want = "call: argument 1 of __cuckoo_printf's format is a raw frame address"},
{.name = "types-bad-printf-format-not-constant", .type = "f(i32;p(a(k(c8))))",
 .body = "\tsubl $16, %esp\n\tmovl 8(%ebp), %ecx\n\tmovl %ecx, 0(%esp)\n.Lbad:\n\tcall __cuckoo_printf\n\tleave\n\tret",
 .proof = "out -16 4\n", .recs = PRINTF_REC,
 .want = "call: the format of __cuckoo_printf is not a constant string of this object"},
#define FP "\t.data\n\t.globl fp\n\t.p2align 2\n\t.type fp,@object\n\t.size fp,4\nfp:\n\t.long g\n"
#define G0 "\tFUNC g\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g"
{.name = "types-ok-call-pointer", .extra = FP G0, .recs = "def data fp p(f(i32;))\ndef func g f(i32;)\n",
 .body = "\tsubl $8, %esp\n\tmovl fp, %ecx\n" ICALL("ecx") "\tleave\n\tret"},
{.name = "types-bad-call-pointer-maybe-null", .extra = FP G0, .recs = "def data fp p(f(i32;))\ndef func g f(i32;)\n",
 .body = "\tsubl $8, %esp\n\tmovl fp, %ecx\n.Lbad:\n\tcall *%ecx\n\tleave\n\tret",
 .want = "call: %ecx may be NULL"},
{.name = "types-bad-call-integer", .body = "\tsubl $8, %esp\n\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") ".Lbad:\n\tcall *%ecx\n\tleave\n\tret",
 .want = "call: %ecx does not hold a function pointer"},
{.name = "types-bad-store-fn-wrong-type", .extra = FP "\tFUNC g\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g\n"
                                                 "\tFUNC h\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF h",
 .recs = "def data fp p(f(i32;))\ndef func g f(i32;)\ndef func h f(i32;i32)\n",
 .body = ".Lbad:\n\tmovl $h, fp\n\tleave\n\tret",
 .want = "store: a pointer-typed location receives a function pointer of another type"},
/* ---- Compares and branches: what a fact is learnt from ---- */
{.name = "flags-ok-reversed-compare", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tmovl $4, %edx\n\tcmpl %edx, %ecx\n\tjae .Ltrap_f\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret"},
{.name = "flags-bad-operands-swapped", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tmovl $4, %edx\n\tcmpl %ecx, %edx\n\tjae .Ltrap_f\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "flags-ok-jb-taken", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $4, %ecx\n\tjb .L1\n\tjmp .Ltrap_f\n.L1:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret"},
{.name = "flags-bad-jb-fall-through", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $4, %ecx\n\tjb .Ltrap_f\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "flags-bad-jbe-off-by-one", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $4, %ecx\n\tjbe .L1\n\tjmp .Ltrap_f\n.L1:\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "flags-ok-jb-length", .type = "f(i32;p(a(i32)),i32)",
 .body = "\tmovl 8(%ebp), %ecx\n\tmovl 12(%ebp), %edx\n" NULLCHK("ecx")
         "\tcmpl -4(%ecx), %edx\n\tjb .L1\n\tjmp .Ltrap_f\n.L1:\n\tmovl (%ecx,%edx,4), %eax\n\tleave\n\tret"},
/* ja with a constant is not learnt (cuckoo-cc writes jae); with the length
 * word, "c <=u len" gives c - 1 <u len */
{.name = "flags-ok-ja-length", .type = "f(i32;p(a(i32)))",
 .body = "\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") "\tmovl -4(%ecx), %eax\n\tmovl $3, %edx\n\tcmpl %eax, %edx\n\tja .Ltrap_f\n"
         "\tmovl 8(%ecx), %eax\n\tleave\n\tret"},
{.name = "flags-bad-ja-length-off-by-one", .type = "f(i32;p(a(i32)))",
 .body = "\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") "\tmovl -4(%ecx), %eax\n\tmovl $3, %edx\n\tcmpl %eax, %edx\n\tja .Ltrap_f\n"
         ".Lbad:\n\tmovl 12(%ecx), %eax\n\tleave\n\tret",
 .want = "load: element 3 not proved below the array's length"},
{.name = "flags-bad-word-compare", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpw $4, %cx\n\tjae .Ltrap_f\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "flags-bad-byte-compare", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpb $4, %cl\n\tjae .Ltrap_f\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "flags-bad-stale-after-add", .extra = ARR, .recs = ARR_REC,
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $4, %ecx\n\taddl $0, %edx\n\tjae .Ltrap_f\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "flags-bad-stale-after-call", .extra = ARR G0, .recs = ARR_REC "def func g f(i32;)\n",
 .body = "\tsubl $8, %esp\n\tmovl 8(%ebp), %ecx\n\tmovl %ecx, -4(%ebp)\n\tcmpl $4, %ecx\n\tcall g\n\tmovl -4(%ebp), %ecx\n\tjae .Ltrap_f\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .proof = "scratch -4 4\n",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "flags-bad-stale-test-after-inc", .type = "f(i32;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\ttestl %ecx, %ecx\n\tincl %edx\n\tje .Ltrap_f\n.Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret",
 .want = "load: %ecx may be NULL"},
{.name = "flags-bad-byte-test", .type = "f(i32;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\ttestb %cl, %cl\n\tje .Ltrap_f\n.Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret",
 .want = "load: %ecx may be NULL"},
{.name = "flags-bad-test-other-bits", .type = "f(i32;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\ttestl $1, %ecx\n\tje .Ltrap_f\n.Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret",
 .want = "load: %ecx may be NULL"},
{.name = "flags-bad-jne-is-null", .type = "f(i32;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\ttestl %ecx, %ecx\n\tjne .Ltrap_f\n.Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret",
 .want = "load: the base register %ecx does not hold a pointer"},
{.name = "flags-bad-cmp-one", .type = "f(i32;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $1, %ecx\n\tje .Ltrap_f\n.Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret",
 .want = "load: %ecx may be NULL"},
/* ---- Generic instructions on typed memory: plain data only ---- */
{.name = "generic-ok-add-int", .extra = GI, .recs = "def data gi i32\n",
 .body = DOM("f") "\taddl $4, gi\n\tincl gi\n\txchgl %eax, gi\n\tmovl $0, %eax\n\tleave\n\tret"},
{.name = "generic-bad-add-pointer", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = ".Lbad:\n\taddl $4, gp\n\tleave\n\tret", .want = "store: a pointer-typed location receives an integer, not a pointer"},
{.name = "generic-bad-xchg-pointer", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = "\tmovl $4096, %eax\n.Lbad:\n\txchgl %eax, gp\n\tleave\n\tret", .want = "store: a pointer-typed location receives an integer, not a pointer"},
{.name = "generic-bad-cmpxchg-pointer", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = "\tmovl $4096, %ecx\n.Lbad:\n\tcmpxchgl %ecx, gp\n\tleave\n\tret", .want = "cmpxchg: an instruction without a typing rule"},
{.name = "generic-bad-inc-length-word", .extra = ARR, .recs = ARR_REC,
 .body = ".Lbad:\n\tincl arr\n\tleave\n\tret", .want = "store: into a length word"},
{.name = "generic-bad-setcc-pointer-byte", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = ".Lbad:\n\tsete gp+1\n\tleave\n\tret", .want = "store: across a pointer or length word"},
{.name = "generic-bad-byte-store-pointer", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = ".Lbad:\n\tmovb $16, gp+1\n\tleave\n\tret", .want = "store: across a pointer or length word"},
{.name = "generic-bad-word-store-length", .extra = ARR, .recs = ARR_REC,
 .body = ".Lbad:\n\tmovw $16, arr+2\n\tleave\n\tret", .want = "store: across a pointer or length word"},
{.name = "generic-bad-pop-into-pointer", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = "\tpushl $4096\n.Lbad:\n\tpopl gp\n\tleave\n\tret", .want = "pop: an operand form without a rule"},
{.name = "generic-bad-push-maybe-null", .type = "f(i32;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n.Lbad:\n\tpushl (%ecx)\n\tleave\n\tret", .want = "load: %ecx may be NULL"},
{.name = "generic-bad-const-add", .extra = "\t.section .rodata\n\t.globl k\n\t.p2align 2\n\t.type k,@object\n\t.size k,4\nk:\n\t.long 3\n",
 .recs = "def data k k(i32)\n", .body = ".Lbad:\n\taddl $1, k\n\tleave\n\tret", .want = "store: into read-only data"},
#define GU "\t.data\n\t.globl gu\n\t.p2align 2\n\t.type gu,@object\n\t.size gu,4\ngu:\n\t.long 0\n"
{.name = "union-ok-int-members", .extra = GU, .recs = "def data gu u:V{i:i32,u:u32}\n",
 .body = DOM("f") "\tmovl $4096, gu\n\tmovl gu, %eax\n\tleave\n\tret"},
{.name = "union-bad-pointer-over-other-pointer", .extra = GU GI, .recs = "def data gu u:W{p:p(i32),q:p(s:B{a:i32,b:a9(i32)})}\ndef data gi i32\n",
 .body = ".Lbad:\n\tmovl $gi, gu\n\tmovl gu, %ecx\n" NULLCHK("ecx") "\tmovl $1, 36(%ecx)\n\tmovl $0, %eax\n\tleave\n\tret", .want = "store: across a pointer or length word"},
{.name = "union-bad-int-over-pointer", .extra = GU, .recs = "def data gu u:U{p:p(i32),i:i32}\n",
 .body = ".Lbad:\n\tmovl $4096, gu\n\tmovl gu, %ecx\n" NULLCHK("ecx") "\tmovl (%ecx), %eax\n\tleave\n\tret", .want = "store: across a pointer or length word"},
/* ---- The outgoing area after a call: the callee owns its parameters ---- */
{.name = "outcell-ok-callee-writes-param", .type = "f(i32;p(i32))",
 .body = "\tsubl $8, %esp\n\tmovl $0, -4(%ebp)\n\tleal -4(%ebp), %eax\n\tmovl %eax, 8(%ebp)\n\tmovl $0, %eax\n\tleave\n\tret",
 .proof = "slot -4 4 i32\n"},
{.name = "outcell-bad-reload-after-call", .type = "f(i32;)", .extra = GP GI G0,
 .recs = "def data gp p(i32)\ndef data gi i32\ndef func g f(i32;p(i32))\n",
 .body = "\tsubl $8, %esp\n\tmovl $gi, 0(%esp)\n\tcall g\n\tmovl 0(%esp), %eax\n.Lbad:\n\tmovl %eax, gp\n\tleave\n\tret",
 .proof = "out -8 4\n",
 .want = "store: a pointer-typed location receives an integer, not a pointer"},
/* ---- The program's entry: main takes its argv as not stack-bound, so
 * only the runtime (which allocates argv) may call it ---- */
#define MAINTYPE "f(i32;i32,p(a(p(a(c8)))))"
#define MAIN_KEEPS_ARGV "\t.data\n\t.globl keep\n\t.p2align 2\n\t.type keep,@object\n\t.size keep,4\nkeep:\n\t.long 0\n" \
    "\tFUNC __cuckoo_main\n" DOM("__cuckoo_main") "\tmovl 12(%ebp), %ecx\n\tmovl %ecx, keep\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF __cuckoo_main\n"
#define MAIN_REC "def data keep p(a(p(a(c8))))\ndef func __cuckoo_main " MAINTYPE "\n"
{.name = "main-ok-keeps-argv", .extra = MAIN_KEEPS_ARGV, .recs = MAIN_REC,
 .body = "\tmovl $0, %eax\n\tleave\n\tret"},
{.name = "main-bad-called-with-stack-argv", .type = "f(i32;)", .extra = MAIN_KEEPS_ARGV, .recs = MAIN_REC,
 .body = "\tsubl $20, %esp\n\tmovl $0, -12(%ebp)\n\tmovl $0, -8(%ebp)\n\tmovl $0, -4(%ebp)\n\tmovl $2, -12(%ebp)\n"
         "\tmovl $0, 0(%esp)\n\tleal -8(%ebp), %eax\n\tmovl %eax, 4(%esp)\n.Lbad:\n\tcall __cuckoo_main\n\tleave\n\tret",
 .proof = "slot -12 12 a2(p(a(c8)))\nout -20 8\n",
 .want = "call: __cuckoo_main, which only the runtime may call"},
{.name = "main-bad-address-in-data", .fn = "fpm", .recs = MAIN_REC "def data fpm p(" MAINTYPE ")\n",
 .extra = MAIN_KEEPS_ARGV "\t.data\n\t.globl fpm\n\t.p2align 2\n\t.type fpm,@object\n\t.size fpm,4\nfpm:\n.Lbad:\n\t.long __cuckoo_main\n",
 .body = "\tmovl $0, %eax\n\tleave\n\tret",
 .want = "the object: a pointer initialised with __cuckoo_main, which only the runtime may call"},
/* a static function of that name: not the program's entry */
{.name = "main-bad-static-called", .extra = GP
   "\t.text\n\t.type __cuckoo_main,@function\n__cuckoo_main:\n\tSTACKCHECK 256, .Lst_m\n\tpushl %ebp\n\tmovl %esp, %ebp\n"
   "\tmovl 8(%ebp), %ecx\n\tmovl %ecx, gp\n\tleave\n\tret\n.Lst_m:\n\tTRAPSTUB\n\t.size __cuckoo_main, .-__cuckoo_main\n",
 .recs = "def data gp p(i32)\n", .objs = "func __cuckoo_main f(v;p(i32))\nend\n",
 .body = "\tsubl $8, %esp\n\tmovl $0, -4(%ebp)\n\tleal -4(%ebp), %eax\n\tmovl %eax, 0(%esp)\n.Lbad:\n\tcall __cuckoo_main\n\tmovl $0, %eax\n\tleave\n\tret",
 .proof = "slot -4 4 i32\nout -8 4\n",
 .want = "call: a call that is not to a function entry"},
/* ---- p + (p != 0) * 4: a first-member view of a pointer that may be NULL ---- */
#define VIEW(set, widen, n) "\tmovl 8(%ebp), %ecx\n\tmovl $0x12345600, %eax\n\ttestl %ecx, %ecx\n\t" set "\n" widen \
    "\tshll $" n ", %eax\n\taddl %eax, %ecx\n" NULLCHK("ecx")
{.name = "view-ok", .type = "f(i32;p(s:S{a:a2(i32)}))",
 .body = VIEW("setne %al", "\tmovzbl %al, %eax\n", "2") "\tmovl 4(%ecx), %eax\n\tleave\n\tret"},
{.name = "view-bad-other-shift", .type = "f(i32;p(s:S{a:a2(i32)}))",
 .body = VIEW("setne %al", "\tmovzbl %al, %eax\n", "3") ".Lbad:\n\tmovl 4(%ecx), %eax\n\tleave\n\tret",
 .want = "load: outside the object"},
{.name = "view-bad-no-widening", .type = "f(i32;p(s:S{a:a2(i32)}))",
 .body = VIEW("setne %al", "", "2") ".Lbad:\n\tmovl 4(%ecx), %eax\n\tleave\n\tret",
 .want = "load: index the scaled index not proved below the array's length"},
{.name = "view-bad-high-byte", .type = "f(i32;p(s:S{a:a2(i32)}))",
 .body = VIEW("setne %ah", "\tmovzbl %al, %eax\n", "2") ".Lbad:\n\tmovl 4(%ecx), %eax\n\tleave\n\tret",
 .want = "load: index the scaled index not proved below the array's length"},
{.name = "view-bad-two-shifts", .type = "f(i32;p(s:S{a:a1(i32)}))",
 .body = VIEW("setne %al", "\tmovzbl %al, %eax\n\tshll $2, %eax\n", "2") ".Lbad:\n\tmovl 0(%ecx), %eax\n\tleave\n\tret",
 .want = "load: an indexed access that is not an element of an array"},
/* ---- Static data ---- */
{.name = "data-ok-init", .fn = "gp", .extra = GP GI ARR, .recs = "def data gp p(i32)\ndef data gi i32\n" ARR_REC,
 .body = "\tmovl $0, %eax\n\tleave\n\tret"},
{.name = "data-bad-length-word", .fn = "arr", .recs = ARR_REC,
 .extra = "\t.data\n\t.globl arr\n\t.p2align 2\n\t.type arr,@object\n\t.size arr,20\narr:\n.Lbad:\n\t.long 5\n\t.zero 16\n",
 .body = "\tmovl $0, %eax\n\tleave\n\tret",
 .want = "the object: a length word of 5 for an array of 4"},
{.name = "data-bad-integer-pointer", .fn = "gp", .recs = "def data gp p(i32)\n",
 .extra = "\t.data\n\t.globl gp\n\t.p2align 2\n\t.type gp,@object\n\t.size gp,4\ngp:\n.Lbad:\n\t.long 0x1000\n",
 .body = "\tmovl $0, %eax\n\tleave\n\tret",
 .want = "the object: a pointer holding the integer 0x1000"},
{.name = "data-bad-relocation-on-integer", .fn = "gi", .recs = "def data gi i32\n",
 .extra = "\t.data\n\t.globl gi\n\t.p2align 2\n\t.type gi,@object\n\t.size gi,4\ngi:\n.Lbad:\n\t.long gi\n",
 .body = "\tmovl $0, %eax\n\tleave\n\tret",
 .want = "the object: a relocation on bytes that are not a pointer"},
{.name = "data-bad-pointer-wrong-type", .fn = "gp", .recs = "def data gp p(i32)\ndef func g f(i32;)\n",
 .extra = "\t.data\n\t.globl gp\n\t.p2align 2\n\t.type gp,@object\n\t.size gp,4\ngp:\n.Lbad:\n\t.long g\n" G0,
 .body = "\tmovl $0, %eax\n\tleave\n\tret",
 .want = "the object: a pointer initialised with a function pointer of another type"},
{.name = "data-bad-size", .fn = "gi", .recs = "def data gi i32\n",
 .extra = "\t.data\n\t.globl gi\n\t.p2align 2\n\t.type gi,@object\n\t.size gi,8\ngi:\n\t.long 0, 0\n",
 .body = "\tmovl $0, %eax\n\tleave\n\tret",
 .want = "the object: 8 bytes for a type of 4"},
{.name = "data-bad-overlap", .fn = "gp", .recs = "def data gp p(i32)\ndef data gi i32\n",
 .extra = "\t.data\n\t.globl gp\n\t.globl gi\n\t.p2align 2\n\t.type gi,@object\n\t.size gi,4\n\t.type gp,@object\n\t.size gp,4\n"
          "gi:\n\t.long 0\n\t.set gp, gi\n",
 .body = "\tmovl $0x41414141, gi\n\tmovl gp, %ecx\n" NULLCHK("ecx") "\tmovl $7, (%ecx)\n\tmovl $0, %eax\n\tleave\n\tret",
 .want = "the object: its bytes overlap those of gi"},
{.name = "data-bad-overlap-partly", .fn = "gp", .recs = "def data gp p(i32)\ndef data ga a1(i32)\n",
 .extra = "\t.data\n\t.globl gp\n\t.globl ga\n\t.p2align 2\n\t.type ga,@object\n\t.size ga,8\n\t.type gp,@object\n\t.size gp,4\n"
          "ga:\n\t.long 1\ngp:\n\t.long 0\n",
 .body = "\tmovl $0, %eax\n\tleave\n\tret",
 .want = "the object: its bytes overlap those of ga"},
{.name = "data-bad-untyped-local", .fn = "lo",
 .extra = "\t.data\n\t.p2align 2\n\t.type lo,@object\n\t.size lo,4\nlo:\n\t.long 0\n",
 .body = "\tmovl $0, %eax\n\tleave\n\tret",
 .want = "the object: neither the block nor the proof gives its type"},
{.name = "data-bad-site-string", .fn = "site.9",
 .extra = "\t.section .rodata\n\t.p2align 2\n\t.type site.9,@object\n\t.size site.9,24\nsite.9:\n\t.long 0\n.Lbad:\n\t.long s9,0,0,0,0\n"
          "\t.data\ns9:\n\t.string \"x\"\n",
 .objs = "object site.9 site\n",
 .body = "\tmovl $0, %eax\n\tleave\n\tret",
 .want = "the object: a site record's string is not a NUL-terminated string of read-only data"},
/* ---- The frame and the proof ---- */
{.name = "frame-ok-proof", .body = "\tsubl $8, %esp\n\tmovl $0, %eax\n\tleave\n\tret", .proof = "frame 12 saved 0\nslot -8 4 i32\n"},
{.name = "frame-bad-size", .body = "\tsubl $8, %esp\n\tmovl $0, %eax\n\tleave\n\tret", .proof = "frame 16 saved 0\n",
 .want = "the frame: the prologue makes a frame of 12 bytes with 0 saved registers, the proof says 16 and 0"},
{.name = "frame-bad-slot-size", .body = "\tsubl $8, %esp\n\tmovl $0, %eax\n\tleave\n\tret", .proof = "slot -8 4 i64\n",
 .want = "the frame: the proof's slot at -8(%ebp) has 4 bytes for a type of 8"},
{.name = "frame-bad-slot-overlap", .body = "\tsubl $8, %esp\n\tmovl $0, %eax\n\tleave\n\tret", .proof = "slot -8 4 i32\nscratch -6 2\n",
 .want = "the frame: the proof's slot at -6(%ebp) overlaps another"},
{.name = "frame-bad-type-differs", .body = "\tmovl $0, %eax\n\tleave\n\tret", .ptype = "f(i32;u32)",
 .want = "the function: the proof's type differs from the block's"},
/* ---- Everything else ---- */
{.name = "other-ok-arith", .body = "\tmovl 8(%ebp), %eax\n\taddl $3, %eax\n\timull %eax, %eax\n\tshll $2, %eax\n\tleave\n\tret"},
{.name = "other-bad-arith-on-esp", .body = "\tsubl $8, %esp\n.Lbad:\n\tandl $-16, %esp\n\tleave\n\tret", .want = "and: writes esp"},
{.name = "other-bad-int80", .body = "\tmovl $1, %eax\n.Lbad:\n\tint $0x80\n\tleave\n\tret", .want = "int: an instruction without a typing rule"},
{.name = "other-bad-pointer-arith", .type = "f(i32;p(i32))",
 .body = "\tmovl 8(%ebp), %ecx\n\taddl $4, %ecx\n.Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret", .want = "load: the base register %ecx does not hold a pointer"},
/* ---- Locals: initialised before they are read as typed memory ---- */
#define G_P "\tFUNC g\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g"
{.name = "locals-ok-init-then-pass", .type = "f(i32;)",
 .body = "\tsubl $8, %esp\n\tmovl $0, -4(%ebp)\n\tleal -4(%ebp), %eax\n\tmovl %eax, 0(%esp)\n\tcall g\n\tleave\n\tret",
 .proof = "slot -4 4 i32\nout -8 4\n", .extra = G_P, .recs = "def func g f(i32;p(i32))\n"},
{.name = "locals-bad-uninit-pass", .type = "f(i32;)",
 .body = "\tsubl $8, %esp\n\tleal -4(%ebp), %eax\n\tmovl %eax, 0(%esp)\n.Lbad:\n\tcall g\n\tleave\n\tret",
 .proof = "slot -4 4 i32\nout -8 4\n", .extra = G_P, .recs = "def func g f(i32;p(i32))\n",
 .want = "call: argument 1 of g points to a local not yet initialised"},
{.name = "locals-bad-uninit-pointer-read", .type = "f(i32;)",
 .body = "\tsubl $8, %esp\n\tleal -4(%ebp), %edx\n\tmovl -4(%ebp), %ecx\n" NULLCHK("ecx") ".Lbad:\n\tmovl (%ecx), %eax\n\tleave\n\tret",
 .proof = "slot -4 4 p(i32)\n",
 .want = "load: the base register %ecx does not hold a pointer"},
{.name = "locals-ok-own-length-word", .type = "f(i32;)",
 .body = "\tsubl $16, %esp\n\tmovl $0, -16(%ebp)\n\tmovl $0, -12(%ebp)\n\tmovl $0, -8(%ebp)\n\tmovl $0, -4(%ebp)\n"
         "\tmovl $3, -16(%ebp)\n\tleal -12(%ebp), %eax\n\tmovl $7, 8(%eax)\n\tmovl $0, %eax\n\tleave\n\tret",
 .proof = "slot -16 16 a3(i32)\n"},
{.name = "locals-bad-own-length-word-wrong", .type = "f(i32;)",
 .body = "\tsubl $16, %esp\n\tmovl $0, -16(%ebp)\n\tmovl $0, -12(%ebp)\n\tmovl $0, -8(%ebp)\n\tmovl $0, -4(%ebp)\n"
         ".Lbad:\n\tmovl $9, -16(%ebp)\n\tmovl $0, %eax\n\tleave\n\tret",
 .proof = "slot -16 16 a3(i32)\n",
 .want = "store: into a length word"},
/* ---- Scalar locals, raw frame addresses, stackslots ---- */
{.name = "frameaddr-ok-scratch-spill", .type = "f(i32;pg(i32))",
 .body = "\tsubl $8, %esp\n\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") "\tmovl %ecx, -4(%ebp)\n\tmovl $0, %ecx\n"
         "\tmovl -4(%ebp), %edx\n\tmovl (%edx), %eax\n\tleave\n\tret",
 .proof = "scratch -4 4\n"},
{.name = "frameaddr-bad-scratch-address-passed", .type = "f(i32;)",
 .body = "\tsubl $8, %esp\n\tleal -4(%ebp), %eax\n\tmovl %eax, 0(%esp)\n.Lbad:\n\tcall g\n\tleave\n\tret",
 .proof = "scratch -4 4\nout -8 4\n", .extra = G_P, .recs = "def func g f(i32;p(i32))\n",
 .want = "call: argument 1 of g is a raw frame address"},
{.name = "frameaddr-bad-scratch-address-stored", .type = "f(i32;)", .extra = GP, .recs = "def data gp p(i32)\n",
 .body = "\tsubl $8, %esp\n\tleal -4(%ebp), %eax\n.Lbad:\n\tmovl %eax, gp\n\tleave\n\tret",
 .proof = "scratch -4 4\n",
 .want = "store: a pointer-typed location receives a raw frame address"},
{.name = "stackslot-ok-stack-pointer", .type = "f(i32;p(i32))",
 .body = "\tsubl $8, %esp\n\tmovl 8(%ebp), %ecx\n\tmovl %ecx, -4(%ebp)\n\tmovl -4(%ebp), %ecx\n" NULLCHK("ecx")
         "\tmovl (%ecx), %eax\n\tleave\n\tret",
 .proof = "stackslot -4 4 p(i32)\n"},
{.name = "stackslot-bad-plain-slot", .type = "f(i32;p(i32))",
 .body = "\tsubl $8, %esp\n\tmovl $0, -4(%ebp)\n\tleal -4(%ebp), %edx\n\tmovl 8(%ebp), %ecx\n.Lbad:\n\tmovl %ecx, -4(%ebp)\n\tmovl $0, %eax\n\tleave\n\tret",
 .proof = "slot -4 4 p(i32)\n",
 .want = "store: a stack-bound pointer stored where it may outlive the frame"},
/* doc/verify.md says a stackslot's address may never be taken; the lea is
 * accepted, but the address is a raw frame address, through which an
 * access is judged as one of the frame (and it is neither stored nor
 * passed) */
{.name = "stackslot-bad-int-through-address", .type = "f(i32;p(i32))",
 .body = "\tsubl $8, %esp\n\tleal -4(%ebp), %edx\n.Lbad:\n\tmovl $4096, (%edx)\n\tmovl -4(%ebp), %ecx\n" NULLCHK("ecx")
         "\tmovl (%ecx), %eax\n\tleave\n\tret",
 .proof = "stackslot -4 4 p(i32)\n",
 .want = "store: a pointer-typed location receives an integer, not a pointer"},
{.name = "stackslot-bad-address-passed", .type = "f(i32;p(i32))",
 .body = "\tsubl $8, %esp\n\tmovl $0, -4(%ebp)\n\tleal -4(%ebp), %edx\n\tmovl %edx, 0(%esp)\n.Lbad:\n\tcall g\n\tleave\n\tret",
 .proof = "stackslot -4 4 p(i32)\nout -8 4\n", .extra = G_P, .recs = "def func g f(i32;p(p(i32)))\n",
 .want = "call: argument 1 of g is a raw frame address"},
/* ---- Joins: facts survive only when every edge has them ---- */
{.name = "join-ok-bound-on-every-edge", .extra = ARR, .recs = ARR_REC, .type = "f(i32;i32,i32)",
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $0, 12(%ebp)\n\tje .L1\n\tcmpl $4, %ecx\n\tjae .Ltrap_f\n\tjmp .L2\n"
         ".L1:\n\tcmpl $3, %ecx\n\tjae .Ltrap_f\n.L2:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret"},
{.name = "join-bad-bound-on-one-edge", .extra = ARR, .recs = ARR_REC, .type = "f(i32;i32,i32)",
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $0, 12(%ebp)\n\tje .L2\n\tcmpl $4, %ecx\n\tjae .Ltrap_f\n"
         ".L2:\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "join-bad-register-changed-on-one-edge", .extra = ARR, .recs = ARR_REC, .type = "f(i32;i32,i32)",
 .body = "\tmovl 8(%ebp), %ecx\n\tcmpl $4, %ecx\n\tjae .Ltrap_f\n\tcmpl $0, 12(%ebp)\n\tje .L2\n\tmovl 12(%ebp), %ecx\n"
         ".L2:\n.Lbad:\n\tmovl arr+4(,%ecx,4), %eax\n\tleave\n\tret",
 .want = "load: index %ecx not proved below the array's length"},
{.name = "join-ok-loop", .type = "f(i32;p(a(k(i32))))",
 .body = "\tpushl %ebx\n\tpushl %esi\n\tsubl $8, %esp\n\tmovl 8(%ebp), %ecx\n\txorl %ebx, %ebx\n\txorl %esi, %esi\n\tjmp .L4\n"
         ".L2:\n\tcmpl -4(%ecx), %esi\n\tjae .Ltrap_f\n\taddl (%ecx,%esi,4), %ebx\n\tincl %esi\n"
         ".L4:\n" NULLCHK("ecx") "\tcmpl -4(%ecx), %esi\n\tjb .L2\n"
         "\tmovl %ebx, %eax\n\tleal -8(%ebp), %esp\n\tpopl %esi\n\tpopl %ebx\n\tpopl %ebp\n\tret"},
{.name = "join-bad-loop-index-unchecked", .type = "f(i32;p(a(k(i32))))",
 .body = "\tpushl %ebx\n\tpushl %esi\n\tsubl $8, %esp\n\tmovl 8(%ebp), %ecx\n\txorl %ebx, %ebx\n\txorl %esi, %esi\n" NULLCHK("ecx")
         ".L2:\n\tcmpl $100, %esi\n\tjge .L5\n.Lbad:\n\taddl (%ecx,%esi,4), %ebx\n\tincl %esi\n\tjmp .L2\n"
         ".L5:\n\tmovl %ebx, %eax\n\tleal -8(%ebp), %esp\n\tpopl %esi\n\tpopl %ebx\n\tpopl %ebp\n\tret",
 .want = "load: index %esi not proved below the array's length"},
{.name = "join-bad-loop-pointer-advanced", .type = "f(i32;p(a(k(i32))))",
 .body = "\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") "\tmovl $0, %edx\n\tcmpl -4(%ecx), %edx\n\tjae .Ltrap_f\n"
         ".L2:\n\tmovl (%ecx), %eax\n.Lbad:\n\tleal 4(%ecx), %ecx\n\ttestl %eax, %eax\n\tjne .L2\n\tleave\n\tret",
 .want = "lea: element 1 not proved below the array's length"},
/* ---- Loop bounds: i <u n and n <=u len(v) give i <u len(v) ---- */
#define LOOPB_HEAD "\tpushl %ebx\n\tpushl %esi\n\tsubl $8, %esp\n\tmovl 8(%ebp), %ecx\n" NULLCHK("ecx") "\tmovl 12(%ebp), %edx\n"
#define LOOPB_TAIL "\tmovl %ebx, %eax\n\tleal -8(%ebp), %esp\n\tpopl %esi\n\tpopl %ebx\n\tpopl %ebp\n\tret"
{.name = "loopbound-ok-bound-below-length", .type = "f(i32;p(a(k(i32))),i32)",
 .body = LOOPB_HEAD "\tcmpl -4(%ecx), %edx\n\tja .Ltrap_f\n\txorl %ebx, %ebx\n\txorl %esi, %esi\n\tjmp .L4\n"
         ".L2:\n\taddl (%ecx,%esi,4), %ebx\n\tincl %esi\n.L4:\n\tcmpl %edx, %esi\n\tjb .L2\n" LOOPB_TAIL},
{.name = "loopbound-ok-bound-tested-the-other-way", .type = "f(i32;p(a(k(i32))),i32)",
 .body = LOOPB_HEAD "\tmovl -4(%ecx), %eax\n\tcmpl %edx, %eax\n\tjb .Ltrap_f\n\txorl %ebx, %ebx\n\txorl %esi, %esi\n\tjmp .L4\n"
         ".L2:\n\taddl (%ecx,%esi,4), %ebx\n\tincl %esi\n.L4:\n\tcmpl %edx, %esi\n\tjb .L2\n" LOOPB_TAIL},
{.name = "loopbound-bad-bound-not-tested", .type = "f(i32;p(a(k(i32))),i32)",
 .body = LOOPB_HEAD "\txorl %ebx, %ebx\n\txorl %esi, %esi\n\tjmp .L4\n"
         ".L2:\n.Lbad:\n\taddl (%ecx,%esi,4), %ebx\n\tincl %esi\n.L4:\n\tcmpl %edx, %esi\n\tjb .L2\n" LOOPB_TAIL,
 .want = "load: index %esi not proved below the array's length"},
{.name = "loopbound-bad-bound-one-past-length", .type = "f(i32;p(a(k(i32))),i32)",
 .body = LOOPB_HEAD "\tmovl -4(%ecx), %eax\n\tincl %eax\n\tcmpl %eax, %edx\n\tja .Ltrap_f\n\txorl %ebx, %ebx\n\txorl %esi, %esi\n"
         "\tjmp .L4\n.L2:\n.Lbad:\n\taddl (%ecx,%esi,4), %ebx\n\tincl %esi\n.L4:\n\tcmpl %edx, %esi\n\tjb .L2\n" LOOPB_TAIL,
 .want = "load: index %esi not proved below the array's length"},
{.name = "loopbound-bad-bound-grows-in-loop", .type = "f(i32;p(a(k(i32))),i32)",
 .body = LOOPB_HEAD "\tcmpl -4(%ecx), %edx\n\tja .Ltrap_f\n\txorl %ebx, %ebx\n\txorl %esi, %esi\n\tjmp .L4\n"
         ".L2:\n.Lbad:\n\taddl (%ecx,%esi,4), %ebx\n\tincl %esi\n\tincl %edx\n.L4:\n\tcmpl %edx, %esi\n\tjb .L2\n" LOOPB_TAIL,
 .want = "load: index %esi not proved below the array's length"},
{.name = "loopbound-bad-bound-of-another-array", .type = "f(i32;p(a(k(i32))),i32)",
 .extra = ARR, .recs = ARR_REC,
 .body = LOOPB_HEAD "\tcmpl arr, %edx\n\tja .Ltrap_f\n\txorl %ebx, %ebx\n\txorl %esi, %esi\n\tjmp .L4\n"
         ".L2:\n.Lbad:\n\taddl (%ecx,%esi,4), %ebx\n\tincl %esi\n.L4:\n\tcmpl %edx, %esi\n\tjb .L2\n" LOOPB_TAIL,
 .want = "load: index %esi not proved below the array's length"},
/* two arrays of one element type join to one of unknown length, whose
 * word gives the bound; a scalar has no length word */
{.name = "join-ok-two-arrays", .type = "f(i32;i32,i32)",
 .extra = ARR "\t.globl arr8\n\t.type arr8,@object\n\t.size arr8,36\narr8:\n\t.long 8\n\t.zero 32\n", .recs = ARR_REC "def data arr8 a8(i32)\n",
 .body = "\tmovl $arr+4, %ecx\n\tcmpl $0, 8(%ebp)\n\tje .L1\n\tmovl $arr8+4, %ecx\n.L1:\n\tmovl 12(%ebp), %edx\n"
         "\tcmpl -4(%ecx), %edx\n\tjae .Ltrap_f\n\tmovl (%ecx,%edx,4), %eax\n\tleave\n\tret"},
{.name = "join-bad-array-and-scalar", .type = "f(i32;i32,i32)",
 .extra = ARR GI, .recs = ARR_REC "def data gi i32\n",
 .body = "\tmovl $arr+4, %ecx\n\tcmpl $0, 8(%ebp)\n\tje .L1\n\tmovl $gi, %ecx\n.L1:\n\tmovl 12(%ebp), %edx\n"
         ".Lbad:\n\tcmpl -4(%ecx), %edx\n\tjae .Ltrap_f\n\tmovl (%ecx,%edx,4), %eax\n\tleave\n\tret",
 .want = "load: outside the object"},
{.name = "join-bad-arrays-of-other-elements", .type = "f(i32;i32,i32)",
 .extra = ARR "\t.globl arrs\n\t.type arrs,@object\n\t.size arrs,12\narrs:\n\t.long 8\n\t.zero 8\n", .recs = ARR_REC "def data arrs a4(i16)\n",
 .body = "\tmovl $arr+4, %ecx\n\tcmpl $0, 8(%ebp)\n\tje .L1\n\tmovl $arrs+4, %ecx\n.L1:\n\tmovl 12(%ebp), %edx\n"
         ".Lbad:\n\tcmpl -4(%ecx), %edx\n\tjae .Ltrap_f\n\tmovl (%ecx,%edx,4), %eax\n\tleave\n\tret",
 .want = "load: the base register %ecx does not hold a pointer"},
/* ---- Calls into the runtime: new, new_array ---- */
#define NEW_REC "ref func __cuckoo_new f(p(s:__cuckoo_obj?);p(k(s:__cuckoo_type?)),p(k(s:__cuckoo_site?)))\n"
#define TYPE_S "\t.section .rodata\n\t.p2align 2\n\t.type type.0,@object\n\t.size type.0,20\ntype.0:\n\t.long .Lts, 8, 4, 0, 0\n" \
               ".Lts:\n\t.string \"s:S{a:i32,b:p(i32)}\"\n"
{.name = "new-ok-typed-result", .type = "f(p(s:S{a:i32,b:p(i32)});)",
 .body = "\tsubl $8, %esp\n\tmovl $type.0, 0(%esp)\n\tmovl $hwsite, 4(%esp)\n\tcall __cuckoo_new\n\tmovl $0, 4(%eax)\n\tleave\n\tret",
 .proof = "out -8 8\n", .extra = TYPE_S, .recs = NEW_REC, .objs = "object type.0 typedesc\n"},
{.name = "new-bad-not-a-descriptor", .type = "f(p(s:S{a:i32,b:p(i32)});)",
 .body = "\tsubl $8, %esp\n\tmovl $hwsite, 0(%esp)\n\tmovl $hwsite, 4(%esp)\n.Lbad:\n\tcall __cuckoo_new\n\tleave\n\tret",
 .proof = "out -8 8\n", .extra = TYPE_S, .recs = NEW_REC, .objs = "object type.0 typedesc\n",
 .want = "call: argument 1 of __cuckoo_new is a pointer to another type"},
{.name = "new-bad-result-past-object", .type = "f(p(s:S{a:i32,b:p(i32)});)",
 .body = "\tsubl $8, %esp\n\tmovl $type.0, 0(%esp)\n\tmovl $hwsite, 4(%esp)\n\tcall __cuckoo_new\n.Lbad:\n\tmovl $0, 8(%eax)\n\tleave\n\tret",
 .proof = "out -8 8\n", .extra = TYPE_S, .recs = NEW_REC, .objs = "object type.0 typedesc\n",
 .want = "store: outside the object"},
{.name = "new-bad-int-into-member-pointer", .type = "f(p(s:S{a:i32,b:p(i32)});)",
 .body = "\tsubl $8, %esp\n\tmovl $type.0, 0(%esp)\n\tmovl $hwsite, 4(%esp)\n\tcall __cuckoo_new\n.Lbad:\n\tmovl $4096, 4(%eax)\n\tleave\n\tret",
 .proof = "out -8 8\n", .extra = TYPE_S, .recs = NEW_REC, .objs = "object type.0 typedesc\n",
 .want = "store: a pointer-typed location receives an integer, not a pointer"},
/* a descriptor in writable data: the runtime reads the type (and the
 * sizes it allocates) from it, so code that could change it must not be
 * able to pass it */
#define TYPE_S_RW "\t.data\n\t.p2align 2\n\t.type type.0,@object\n\t.size type.0,20\ntype.0:\n\t.long .Lts, 8, 4, 0, 0\n" \
                  "\t.section .rodata\n.Lts:\n\t.string \"s:S{a:i32,b:p(i32)}\"\n"
{.name = "new-bad-descriptor-writable", .type = "f(p(s:S{a:i32,b:p(i32)});)",
 .body = "\tsubl $8, %esp\n\tmovl $type.0, 0(%esp)\n\tmovl $hwsite, 4(%esp)\n.Lbad:\n\tcall __cuckoo_new\n\tleave\n\tret",
 .proof = "out -8 8\n", .extra = TYPE_S_RW, .recs = NEW_REC, .objs = "object type.0 typedesc\n",
 .want = "call: of __cuckoo_new: its type descriptor is not one of this object's"},
#define TYPE_S1 "\t.section .rodata\n\t.p2align 2\n\t.type type.0,@object\n\t.size type.0,20\ntype.0:\n\t.long .Lts, 4, 4, 0, 0\n" \
                ".Lts:\n\t.string \"s:S{a:i32}\"\n"
/* the descriptor spells S with one member, the block with two */
{.name = "new-bad-descriptor-other-spelling", .type = "f(i32;)", .extra = GP TYPE_S1,
 .recs = NEW_REC "def data gp p(s:S{a:i32,b:i32})\n", .objs = "object type.0 typedesc\n",
 .body = "\tsubl $8, %esp\n\tmovl $type.0, 0(%esp)\n\tmovl $hwsite, 4(%esp)\n.Lbad:\n\tcall __cuckoo_new\n\tmovl %eax, gp\n"
         "\tmovl gp, %ecx\n" NULLCHK("ecx") "\tmovl $1, 4(%ecx)\n\tmovl $0, %eax\n\tleave\n\tret",
 .proof = "out -8 8\n",
 .want = "call: of __cuckoo_new: its type descriptor is not one of this object's"},
{.name = "tags-ok-one-spelling", .type = "f(i32;)",
 .body = "\tsubl $16, %esp\n\tmovl $0, -8(%ebp)\n\tmovl $0, -4(%ebp)\n\tleal -8(%ebp), %eax\n\tmovl %eax, 0(%esp)\n\tcall g\n\tleave\n\tret",
 .proof = "slot -8 8 s:S{a:i32,b:i32}\nout -16 4\n",
 .extra = "\tFUNC g\n" DOM("g") "\tmovl 8(%ebp), %ecx\n" "\ttestl %ecx, %ecx\n\tje .Ltrap_g\n" "\tmovl $0x41414141, 4(%ecx)\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g",
 .recs = "def func g f(i32;p(s:S{a:i32,b:i32}))\n"},
/* the proof's slot spells S with one member: g would write past it (into
 * the saved %ebp) */
{.name = "tags-bad-slot-other-spelling", .type = "f(i32;)",
 .body = "\tsubl $8, %esp\n\tmovl $0, -4(%ebp)\n\tleal -4(%ebp), %eax\n\tmovl %eax, 0(%esp)\n.Lbad:\n\tcall g\n\tleave\n\tret",
 .proof = "slot -4 4 s:S{a:i32}\nout -8 4\n",
 .extra = "\tFUNC g\n" DOM("g") "\tmovl 8(%ebp), %ecx\n" "\ttestl %ecx, %ecx\n\tje .Ltrap_g\n" "\tmovl $0x41414141, 4(%ecx)\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g",
 .recs = "def func g f(i32;p(s:S{a:i32,b:i32}))\n",
 .objmsg = "malformed .cuckoo.proof: 's:S' is spelt in two ways (a tag has one layout)"},
/* the block names S only incomplete (g's parameter), the proof's slot
 * spells it in full: the program's S is another object's, whose layout
 * only the blocks carry to the linker's one-layout check */
{.name = "tags-bad-slot-completes-incomplete", .type = "f(i32;)",
 .body = "\tsubl $8, %esp\n\tmovl $0, -4(%ebp)\n\tleal -4(%ebp), %eax\n\tmovl %eax, 0(%esp)\n.Lbad:\n\tcall g\n\tleave\n\tret",
 .proof = "slot -4 4 s:S{a:i32}\nout -8 4\n",
 .extra = "\tFUNC g\n" DOM("g") "\tmovl $0, %eax\n\tleave\n\tret\n\tENDF g",
 .recs = "def func g f(i32;p(s:S?))\n",
 .objmsg = "malformed .cuckoo.proof: 's:S' is spelt in full, but the block names it only incomplete (its layout is "
           "the program's, which the block does not give)"},
/* ---- Struct returns: ret $4 ---- */
{.name = "sret-ok", .type = "f(s:S{a:i32};i32)",
 .body = DOM("f") "\tmovl 8(%ebp), %eax\n\tmovl 12(%ebp), %ecx\n\tmovl %ecx, (%eax)\n\tleave\n\tret $4"},
{.name = "sret-bad-plain-ret", .type = "f(s:S{a:i32};i32)",
 .body = "\tmovl 8(%ebp), %eax\n\tleave\n.Lbad:\n\tret",
 .want = "return: ret $0 for a function that returns a struct (ret $4)"},
/* ---- Calls through a register: the pointer's own type ---- */
#define FPG "\t.data\n\t.globl fp\n\t.p2align 2\n\t.type fp,@object\n\t.size fp,4\nfp:\n\t.long g\n"
{.name = "icall-ok-args", .extra = FPG GI G_P, .recs = "def data fp p(f(i32;p(i32)))\ndef data gi i32\ndef func g f(i32;p(i32))\n",
 .body = "\tsubl $8, %esp\n\tmovl $gi, 0(%esp)\n\tmovl fp, %ecx\n" ICALL("ecx") "\tleave\n\tret", .proof = "out -8 4\n"},
{.name = "icall-bad-arg", .extra = FPG G_P, .recs = "def data fp p(f(i32;p(i32)))\ndef func g f(i32;p(i32))\n",
 .body = "\tsubl $8, %esp\n\tmovl $77, 0(%esp)\n\tmovl fp, %ecx\n\ttestl %ecx, %ecx\n\t.byte 0x0f, 0x84\n\t.long .Ltrap_f - . - 4\n"
         ".Lbad:\n\tcall *%ecx\n\tleave\n\tret", .proof = "out -8 4\n",
 .want = "call: argument 1 of the function pointer is an integer, not a pointer"},
/* ---- Spawn ---- */
#define SPAWN_REC "ref func __cuckoo_spawn f(p(s:thread?);p(f(i32;p(k(s:__cuckoo_args?)))),p(k(s:__cuckoo_args?)),u32,p(k(s:__cuckoo_site?)))\n"
#define THUNK "\t.text\n\t.type w.thunk,@function\nw.thunk:\n\tSTACKCHECK 32, .Lst_thunk\n\tpushl %ebp\n\tmovl %esp, %ebp\n" \
              "\tpushl %esi\n\tpushl %edi\n\tsubl $16, %esp\n\tmovl 8(%ebp), %esi\n\tmovl %esp, %edi\n\tmovl $1, %ecx\n\trep movsl\n" \
              "\tcall w\n\tleal -8(%ebp), %esp\n\tpopl %edi\n\tpopl %esi\n\tpopl %ebp\n\tret\n.Lst_thunk:\n\tTRAPSTUB\n" \
              "\t.size w.thunk, .-w.thunk\n" \
              "\tFUNC w\n\tmovl $0, %eax\n\tleave\n\tret\n\tENDF w\n"
#define THUNK_PROOF "func w.thunk f(i32;p(k(s:__cuckoo_args?)))\nthunk w\nend\n"
#define SPAWN_BODY(arg, size) "\tsubl $20, %esp\n\tmovl 8(%ebp), %ecx\n\tmovl " arg ", -4(%ebp)\n\tmovl $w.thunk, 0(%esp)\n\tleal -4(%ebp), %eax\n" \
              "\tmovl %eax, 4(%esp)\n\tmovl $" size ", 8(%esp)\n\tmovl $hwsite, 12(%esp)\n.Lbad:\n\tcall __cuckoo_spawn\n\tmovl $0, %eax\n\tleave\n\tret"
{.name = "spawn-ok", .type = "f(i32;i32)", .body = SPAWN_BODY("$gi", "4"), .proof = "scratch -4 4\nout -20 16\n",
 .extra = THUNK GI, .recs = SPAWN_REC "def func w f(i32;pg(i32))\ndef data gi i32\n", .objs = THUNK_PROOF},
{.name = "spawn-bad-size", .type = "f(i32;i32)", .body = SPAWN_BODY("$gi", "8"), .proof = "scratch -4 4\nout -20 16\n",
 .extra = THUNK GI, .recs = SPAWN_REC "def func w f(i32;pg(i32))\ndef data gi i32\n", .objs = THUNK_PROOF,
 .want = "spawn: the block size is not 4, the size of w's arguments"},
{.name = "spawn-bad-integer-argument", .type = "f(i32;i32)", .body = SPAWN_BODY("$77", "4"), .proof = "scratch -4 4\nout -20 16\n",
 .extra = THUNK GI, .recs = SPAWN_REC "def func w f(i32;pg(i32))\ndef data gi i32\n", .objs = THUNK_PROOF,
 .want = "spawn: word 0 of the argument block is an integer, not a pointer"},
{.name = "spawn-bad-stack-argument", .type = "f(i32;p(i32))", .body = SPAWN_BODY("%ecx", "4"), .proof = "scratch -4 4\nout -20 16\n",
 .extra = THUNK GI, .recs = SPAWN_REC "def func w f(i32;pg(i32))\ndef data gi i32\n", .objs = THUNK_PROOF,
 .want = "spawn: word 0 of the argument block is a stack-bound pointer"},
{.name = "spawn-bad-not-thunk", .type = "f(i32;)",
 .body = "\tsubl $20, %esp\n\tmovl $gi, -4(%ebp)\n\tmovl $w, 0(%esp)\n\tleal -4(%ebp), %eax\n"
         "\tmovl %eax, 4(%esp)\n\tmovl $4, 8(%esp)\n\tmovl $hwsite, 12(%esp)\n.Lbad:\n\tcall __cuckoo_spawn\n\tmovl $0, %eax\n\tleave\n\tret",
 .proof = "scratch -4 4\nout -20 16\n",
 .extra = THUNK GI, .recs = SPAWN_REC "def func w f(i32;pg(i32))\ndef data gi i32\n", .objs = THUNK_PROOF,
 .want = "spawn: the entry is not one of this object's spawn thunks"},
/* ---- Block copies ---- */
#define GPS "\t.data\n\t.globl g1\n\t.p2align 2\n\t.type g1,@object\n\t.size g1,8\ng1:\n\t.long 0, 0\n" \
            "\t.globl g2\n\t.type g2,@object\n\t.size g2,8\ng2:\n\t.long 0, 0\n" \
            "\t.globl g3\n\t.type g3,@object\n\t.size g3,8\ng3:\n\t.long 0, 0\n"
#define GPS_REC "def data g1 s:S{a:i32,b:p(i32)}\ndef data g2 s:S{a:i32,b:p(i32)}\ndef data g3 s:T{a:i32,b:i32}\n"
#define COPY(src) "\tpushl %esi\n\tpushl %edi\n" DOM("f") "\tmovl $" src ", %esi\n\tmovl $g1, %edi\n\tmovl $2, %ecx\n.Lbad:\n\trep movsl\n" \
                  "\tmovl $0, %eax\n\tleal -8(%ebp), %esp\n\tpopl %edi\n\tpopl %esi\n\tpopl %ebp\n\tret"
{.name = "rep-ok-copy", .body = COPY("g2"), .extra = GPS, .recs = GPS_REC},
{.name = "rep-bad-copy-int-into-pointer", .body = COPY("g3"), .extra = GPS, .recs = GPS_REC, .want = "store: a pointer-typed location receives an integer, not a pointer"},
{.name = "rep-ok-fill", .type = "f(i32;)",
 .body = "\tpushl %edi\n\tsubl $16, %esp\n\tleal -20(%ebp), %edi\n\tmovl $4, %ecx\n\txorl %eax, %eax\n\trep stosl\n"
         "\tleal -4(%ebp), %esp\n\tpopl %edi\n\tpopl %ebp\n\tret",
 .proof = "slot -20 16 a3(i32)\n"},
{.name = "rep-bad-count", .type = "f(i32;i32)",
 .body = "\tpushl %edi\n\tsubl $16, %esp\n\tleal -20(%ebp), %edi\n\tmovl 8(%ebp), %ecx\n\txorl %eax, %eax\n.Lbad:\n\trep stosl\n"
         "\tleal -4(%ebp), %esp\n\tpopl %edi\n\tpopl %ebp\n\tret",
 .proof = "slot -20 16 a3(i32)\n", .want = "a block fill: the count in %ecx is not a constant"},
{.name = "trap-ok-site", .body = "\tpushl $0\n\tpushl $0\n\tpushl $0\n\tpushl $0\n\tpushl $hwsite\n\tcall __cuckoo_trap"},
{.name = "trap-bad-site", .body = "\tpushl $0\n\tpushl $0\n\tpushl $0\n\tpushl $0\n\tpushl $gi\n.Lbad:\n\tcall __cuckoo_trap",
 .extra = GI, .recs = "def data gi i32\n", .want = "call: of __cuckoo_trap without one of the object's site records"},
};


/* An accepted case again, with the states at branch targets that the
 * prover writes (doc/verify.md "States at branch targets"): every function
 * gets them, and the one-pass check accepts what the fixed point did. */
static void states_round_trip(const struct vcase *c, struct tld_obj *o)
{
    char *proof = tld_prove_states(o);
    ck_assert_msg(proof != NULL, "%s: the prover writes no proof", c->name);
    clear_findings();
    ck_assert_msg(!strstr(proof, "\nfunc ") || strstr(proof, "\ntargets ") != NULL, "%s: the prover states nothing:\n%s",
                  c->name, proof);
    const char *tmp = getenv("TMPDIR");
    char *tdir = xasprintf("%s/tld-verify.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    ck_assert_msg(mkdtemp(tdir) != NULL, "mkdtemp: %s", strerror(errno));
    char *src = xasprintf("%s/%s-states.s", tdir, c->name), *obj = xasprintf("%s/%s-states.o", tdir, c->name);
    write_source(c, src, proof);
    assemble(src, obj);
    struct tld_file *f = tld_file_open(obj, TLD_CUCKOO, 0);
    if (!getenv("VUNIT_KEEP")) {
        unlink(src);
        unlink(obj);
        rmdir(tdir);
    }
    ck_assert_ptr_nonnull(f);
    struct tld_obj *so = f->objs[0];
    ck_assert_int_eq(tld_obj_blocks(so, 0), 0);
    int errors = tld_verify_object(so);
    char *text = findings_text();
    ck_assert_msg(errors == 0 && tld_nfindings == 0, "%s: refused with the prover's states:%s\n%s", c->name, text,
                  proof);
    free(text);
    free_file(f);
    clear_findings();
    free(proof);
    free(src);
    free(obj);
    free(tdir);
}

static void run_case(const struct vcase *c)
{
    const char *tmp = getenv("TMPDIR");
    char *tdir = xasprintf("%s/tld-verify.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    ck_assert_msg(mkdtemp(tdir) != NULL, "mkdtemp: %s", strerror(errno));
    char *src = xasprintf("%s/%s.s", tdir, c->name), *obj = xasprintf("%s/%s.o", tdir, c->name);
    write_source(c, src, NULL);
    assemble(src, obj);
    clear_findings();
    tld_collect = 1;
    struct tld_file *f = tld_file_open(obj, TLD_CUCKOO, 0);
    /* the object is in memory now: nothing is left behind, even when an
     * assertion below fails */
    if (getenv("VUNIT_KEEP")) {
        fprintf(stderr, "%s: kept %s\n", c->name, src);
    } else {
        unlink(src);
        unlink(obj);
        rmdir(tdir);
    }
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(f->nobjs, 1);
    struct tld_obj *o = f->objs[0];
    if (tld_obj_blocks(o, 0)) {
        char *text = findings_text();
        ck_abort_msg("%s: the block does not parse:%s", c->name, text);
    }
    int errors;
    if (!c->want && !c->objmsg) {
        /* the whole audit of a Cuckoo input, as tld_check_cuckoo_input */
        tld_check_structure(o);
        tld_check_symbols(o);
        tld_audit_object(o);
        errors = tld_nerrors;
    } else {
        errors = tld_verify_object(o);
    }
    char *text = findings_text();
    if (getenv("VUNIT_VERBOSE"))
        fprintf(stderr, "%s:%s\n", c->name, *text ? text : " accepted");
    if (c->objmsg) {
        int found = 0;
        for (size_t i = 0; i < tld_nfindings; i++)
            if (tld_findings[i].sev == TLD_ERROR && tld_findings[i].where && !strcmp(tld_findings[i].where, obj) &&
                !strcmp(tld_findings[i].msg, c->objmsg))
                found = 1;
        ck_assert_msg(errors > 0 && found, "%s: wanted '%s', got:%s", c->name, c->objmsg, *text ? text : " nothing (accepted)");
    } else if (!c->want) {
        ck_assert_msg(errors == 0 && tld_nfindings == 0, "%s: refused:%s", c->name, text);
        states_round_trip(c, o);
    } else {
        const char *fn = c->fn ? c->fn : "f";
        char *where;
        const struct tld_section *mark = tld_elf_section(&o->elf, ".vunit");
        if (mark && mark->data && mark->size == 4) {
            const unsigned char *b = mark->data;
            uint32_t off = b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
            where = xasprintf("%s: %s+0x%x", obj, fn, off);
        } else {
            where = xasprintf("%s: %s+0x", obj, fn);
        }
        /* a want ending in '*' is a prefix (for reasons that name an
         * address the assembler chooses) */
        char *msg = xasprintf("cannot prove %s", c->want);
        size_t mlen = strlen(msg);
        int prefix = mlen && msg[mlen - 1] == '*';
        if (prefix)
            msg[--mlen] = 0;
        int found = 0;
        for (size_t i = 0; i < tld_nfindings; i++) {
            const struct tld_finding *d = &tld_findings[i];
            if (d->sev == TLD_ERROR && d->where && !strncmp(d->where, where, strlen(where)) &&
                (mark || d->where[strlen(where)]) && (prefix ? !strncmp(d->msg, msg, mlen) : !strcmp(d->msg, msg)))
                found = 1;
        }
        ck_assert_msg(errors > 0 && found, "%s: wanted '%s…: %s', got:%s", c->name, where + strlen(obj) + 2,
                      msg, *text ? text : " nothing (accepted)");
        free(where);
        free(msg);
    }
    free(text);
    free_file(f);
    clear_findings();
    free(src);
    free(obj);
    free(tdir);
}

static size_t ncases;

START_TEST(one_case)
{
    ck_assert_uint_lt((size_t)_i, ncases);
    run_case(&cases[_i]);
}
END_TEST

/* The table is what the checker's rules are tested by: make sure it has
 * both outcomes for every rule (names are RULE-ok-... and RULE-bad-...). */
START_TEST(every_rule_both_ways)
{
    for (size_t i = 0; i < ncases; i++) {
        const char *dash = strchr(cases[i].name, '-');
        ck_assert_msg(dash != NULL, "case %s: name has no rule", cases[i].name);
        size_t n = (size_t)(dash - cases[i].name);
        int ok = 0, bad = 0;
        for (size_t k = 0; k < ncases; k++)
            if (!strncmp(cases[k].name, cases[i].name, n) && cases[k].name[n] == '-') {
                ok |= cases[k].want == NULL && cases[k].objmsg == NULL;
                bad |= cases[k].want != NULL || cases[k].objmsg != NULL;
            }
        ck_assert_msg(ok && bad, "rule %.*s lacks an accepted or a refused case", (int)n, cases[i].name);
    }
}
END_TEST

int main(void)
{
    ncases = sizeof cases / sizeof *cases;
    tld_progname = "tld-verify";
    if (tld_bfd_init()) {
        fprintf(stderr, "tld-verify: libbfd does not initialise\n");
        return EXIT_FAILURE;
    }
    Suite *s = suite_create("tld-verify");
    TCase *tc = tcase_create("rules");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_rule_both_ways);
    tcase_add_loop_test(tc, one_case, 0, (int)ncases);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
