/* tld.h -- the one header of cuckoo-ld and cuckoo-objcheck.
 *
 * The two programs share everything but their main: reading objects,
 * archives and programs (objfile.c), the .cuckoo.types blocks (block.c) and
 * the canonical types inside them (ctype.c), the code discipline (decode.c,
 * discipline.c), symbol resolution (resolve.c), the runtime's identity and
 * --trust (trust.c), running the GNU linker (runld.c) and the linker's own
 * block (manifest.c).  A banner per source file below lists what it offers.
 * What is machine-specific (relocation types, the stack check's bytes, the
 * canonical spellings) comes from common/ (doc/common.md), shared with
 * cuckoo-cc; each ELF file read carries its machine (struct tld_elf).
 *
 * Invariant: every byte that is audited is the byte that is linked.  Inputs
 * are read once into memory, hashed there, and the GNU linker only ever sees
 * private copies made from those bytes (see runld.c).
 */
#ifndef TLD_H
#define TLD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "abi.h" /* common/: the machine contract */

#if defined __GNUC__
#define TLD_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define TLD_NORETURN __attribute__((noreturn))
#else
#define TLD_PRINTF(a, b)
#define TLD_NORETURN
#endif

/* Limits fixed by TOOLCHAIN.md "The type section". */
#define TLD_BLOCK_MAX (16u * 1024 * 1024)
#define TLD_LINE_MAX (64u * 1024)

/* The four checks every Cuckoo object must have been compiled with. */
enum {
    TLD_CHECK_BOUNDS = 1,
    TLD_CHECK_NULL = 2,
    TLD_CHECK_STACK = 4,
    TLD_CHECK_DIVIDE = 8,
    TLD_CHECK_ALL = 15
};

/* ---- objfile.c: diagnostics, memory, small maps, ELF32 over libbfd ---- */

extern const char *tld_progname;
extern int tld_verbose;
extern int tld_nerrors, tld_nwarnings;
/* objcheck --json collects findings instead of printing them. */
extern int tld_collect;
/* where findings are printed: stderr for cuckoo-ld, stdout for objcheck */
extern FILE *tld_diag_out;

enum tld_sev { TLD_ERROR, TLD_WARNING, TLD_NOTE };
struct tld_finding {
    enum tld_sev sev;
    char *where; /* FILE, FILE:FUNC+0xOFF, or NULL */
    char *msg;
};
extern struct tld_finding *tld_findings;
extern size_t tld_nfindings;

void tld_diag(enum tld_sev sev, const char *where, const char *fmt, ...) TLD_PRINTF(3, 4);
#define tld_error(where, ...) tld_diag(TLD_ERROR, where, __VA_ARGS__)
#define tld_warning(where, ...) tld_diag(TLD_WARNING, where, __VA_ARGS__)
void tld_vlog(const char *fmt, ...) TLD_PRINTF(1, 2);  /* --verbose */
/* Usage or system failure: message, then exit 2. */
void tld_fatal(const char *fmt, ...) TLD_PRINTF(1, 2) TLD_NORETURN;
/* An internal bug, never a user's error. */
void tld_die_at(const char *file, int line, const char *msg) TLD_NORETURN;
#define tld_die(msg) tld_die_at(__FILE__, __LINE__, msg)
/* Called by tld_fatal before exiting (cuckoo-ld removes its temporaries). */
extern void (*tld_atfatal)(void);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) TLD_PRINTF(1, 2);
#define TLD_GROW(arr, n, cap)                                              \
    do {                                                                   \
        if ((n) == (cap)) {                                                \
            (cap) = (cap) ? 2 * (cap) : 8;                                 \
            (arr) = xrealloc((arr), (cap) * sizeof *(arr));                \
        }                                                                  \
    } while (0)

/* A string-keyed map to a pointer (open addressing; keys not owned). */
struct tld_map {
    const char **keys;
    void **vals;
    size_t cap, n;
};
void *tld_map_get(const struct tld_map *m, const char *key);
void tld_map_put(struct tld_map *m, const char *key, void *val);
void tld_map_free(struct tld_map *m);

/* Whole-file I/O; 0 on success, else errno. */
int tld_read_file(const char *path, unsigned char **data, size_t *len);
int tld_write_file(const char *path, const void *data, size_t len);

/* One ELF32 section, symbol, relocation, read straight from the bytes:
 * libbfd's generic symbols lose st_size and the STT_ types, and both are
 * what the audit is about. */
struct tld_section {
    char *name;
    uint32_t type, flags, addr, offset, size, link, info, entsize;
    const unsigned char *data; /* NULL for SHT_NOBITS */
};
struct tld_sym {
    char *name;
    uint32_t value, size;
    unsigned bind, type, shndx; /* STB_*, STT_*, section index or SHN_* */
    unsigned vis;               /* STV_* (st_other's low bits) */
};
struct tld_reloc {
    uint32_t offset; /* in the section it applies to */
    unsigned type;   /* the machine's R_* (mach->r_abs ...) */
    unsigned sym;    /* index into syms */
};

struct tld_elf {
    const struct ck_machine *mach; /* from the ELF header: what the rules match */
    unsigned etype; /* ET_REL, ET_EXEC */
    uint32_t entry;
    struct tld_section *secs;
    size_t nsecs;
    struct tld_sym *syms; /* syms[0] is the null symbol */
    size_t nsyms;
    /* relocs[i]: the relocations that apply to section i */
    struct tld_reloc **relocs;
    size_t *nrelocs;
};

/* One input: an object file, an archive member, or a program. */
enum tld_class { TLD_CUCKOO, TLD_RUNTIME, TLD_TRUSTED };
struct tld_block;
struct tld_obj {
    char *name;     /* as shown to the user: main.o, libx.a(m.o) */
    char *path;     /* the file it came from, as named */
    char *member;   /* archive member name, or NULL */
    enum tld_class cls;
    unsigned char *bytes; /* owned for files, points into the archive's */
    size_t len;
    unsigned char sha[32];
    struct tld_elf elf;
    int has_types;  /* a .cuckoo.types section exists */
    struct tld_block *blocks;
    size_t nblocks;
    int loaded;     /* pulled into the link */
    int audited_ok;
    char *copy;     /* the private copy handed to the GNU linker */
};

/* One file named on a command line: an object, or an archive of members. */
struct tld_file {
    char *path;
    enum tld_class cls;
    int is_archive;
    unsigned char *bytes;
    size_t len;
    unsigned char sha[32];
    struct tld_obj **objs; /* one for an object, the members for an archive */
    size_t nobjs;
};

int tld_bfd_init(void);
/* Read PATH, identify it with libbfd (elf32-i386 object, archive of them,
 * or an executable when allow_exec) and parse its ELF tables.  Reports
 * and returns NULL on failure. */
struct tld_file *tld_file_open(const char *path, enum tld_class cls, int allow_exec);
int tld_elf_parse(const unsigned char *b, size_t len, struct tld_elf *e, char **err);
/* An object of BYTES (LEN; not copied), its ELF tables parsed; reports
 * and returns NULL when they do not parse. */
struct tld_obj *tld_obj_make(const char *display, const char *path, const char *member, enum tld_class cls,
                             unsigned char *bytes, size_t len);
void tld_elf_free(struct tld_elf *e);
const struct tld_section *tld_elf_section(const struct tld_elf *e, const char *name);
/* Load the blocks of OBJ's .cuckoo.types; reports and returns -1 on error. */
int tld_obj_blocks(struct tld_obj *o, int linked_ok);
/* Is this ELF symbol an (external) definition, a reference? */
int tld_sym_is_global_def(const struct tld_sym *s);
int tld_sym_is_undef(const struct tld_sym *s);

/* ---- sha256.c ---- */
struct tld_sha256 {
    uint32_t h[8];
    uint64_t nbytes;
    unsigned char buf[64];
    size_t nbuf;
};
void tld_sha256_init(struct tld_sha256 *c);
void tld_sha256_update(struct tld_sha256 *c, const void *data, size_t len);
void tld_sha256_final(struct tld_sha256 *c, unsigned char out[32]);
void tld_sha256(const void *data, size_t len, unsigned char out[32]);
void tld_hex(const unsigned char *b, size_t n, char *out); /* 2n+1 */
int tld_unhex(const char *s, unsigned char *out, size_t n);

/* ---- ctype.c: canonical type strings ---- */
enum ct_tag {
    CT_BASE, CT_CONST, CT_VOLATILE, CT_PTR, CT_GPTR, CT_OPTR, CT_ARRAY, CT_FUNC,
    CT_STRUCT, CT_UNION
};
struct ctype {
    enum ct_tag tag;
    const char *base;       /* CT_BASE: "i32" ... */
    struct ctype *sub;      /* k w p pg a: the operand; f: the result */
    long long len;          /* CT_ARRAY: N, or -1 for a(T) */
    struct ctype **params;  /* CT_FUNC */
    size_t nparams;
    int variadic;
    char *tagname;          /* CT_STRUCT / CT_UNION */
    int incomplete;         /* s:S? */
    int backref;            /* s:S (written in full earlier) */
    char **mnames;
    struct ctype **members;
    size_t nmembers;
};
/* Parse a whole canonical string; NULL and *err (malloc'd) on error. */
struct ctype *ctype_parse(const char *s, char **err);
void ctype_free(struct ctype *t);
/* The type in C syntax, declaring NAME (or abstract when NAME is ""). */
char *ctype_render(const struct ctype *t, const char *name);
/* TOOLCHAIN.md "Canonical types": do a ref and a def agree? */
int ctype_agree(const char *ref, const struct ctype *rt, const char *def,
                const struct ctype *dt, int is_data);
/* Does a function type return a struct or union (callee pops: ret $4)? */
int ctype_returns_aggregate(const struct ctype *t);
/* Are two complete spellings A and B of one struct the same (members by
 * name and type; structs inside them by tag)? */
int ctype_same(const struct ctype *a, const struct ctype *b);

/* ---- block.c: the .cuckoo.types blocks ---- */
enum tld_kind { TLD_FUNC, TLD_DATA, TLD_TLS };
extern const char *const tld_kind_names[];
struct tld_rec {
    int is_def;
    enum tld_kind kind;
    char *name;
    char *type;
    struct ctype *ct;
};
struct tld_input_rec {
    unsigned char sha[32];
    char *file;
    char *cls; /* cuckoo runtime trusted-by-user */
};
struct tld_secsum {
    char *name;
    unsigned char sha[32];
};
struct tld_funcrec {
    uint32_t addr, size;
    char *name;
};
struct tld_namerec { /* unchecked SYMBOL FILE; entry ADDR NAME */
    char *name;
    char *file;
    uint32_t addr;
};
struct tld_block {
    int linked;           /* cuckoo-linked, else cuckoo-object */
    char *producer;       /* cuckoo-cc, cuckoo-rt, cuckoo-ld */
    char *version;
    char *source;
    unsigned checks;
    int has_checks;
    struct tld_rec *recs;
    size_t nrecs;
    struct tld_input_rec *inputs;
    size_t ninputs;
    struct tld_secsum *secs;
    size_t nsecs;
    struct tld_funcrec *funcs;
    size_t nfuncs;
    struct tld_namerec *unchecked;
    size_t nunchecked;
    struct tld_namerec *entries;
    size_t nentries;
};
/* Parse every block in DATA[0..LEN).  0 on success; else -1 and *err is
 * the REASON of "malformed .cuckoo.types block: REASON" (malloc'd). */
int tld_parse_blocks(const char *data, size_t len, struct tld_block **out,
                     size_t *nout, char **err);
void tld_blocks_free(struct tld_block *b, size_t n);
const char *tld_check_name(unsigned bit);

/* ---- decode.c: Zydis over one function ---- */
struct tld_insn {
    uint32_t off;         /* from the start of the region */
    uint8_t len;
    int mnemonic;         /* ZydisMnemonic */
    int category;         /* ZydisInstructionCategory */
    int branch;           /* 0, 1 direct rel, 2 indirect */
    int is_call, is_jmp, is_jcc, is_ret, is_nop;
    int32_t disp_target;  /* direct: insn end + rel, region offset */
    uint8_t rel_off;      /* offset of the rel field in the insn */
    uint8_t imm_off, imm_size, disp_off, disp_size;
    int64_t imm;
    char forbidden[64];   /* why it may not appear, or "" */
    int seg_fs_gs;        /* touches memory through %fs/%gs */
    int writes_esp;       /* explicit write of %esp */
    int esp_ok;           /* that write is one of the allowed forms */
    int reads_abs;        /* has a 32-bit immediate or displacement */
};
/* Decode [0, len) of CODE; NULL and *bad set to the failing offset on a
 * byte sequence that does not decode or runs past the end. */
struct tld_insn *tld_decode(const unsigned char *code, uint32_t len,
                            size_t *ninsns, uint32_t *bad);

/* ---- structure.c: the structural rules of "Verified code" ---- */
/* Sections, symbols and relocations of a Cuckoo object, and where each
 * relocation points.  Returns the number of errors reported. */
int tld_check_structure(struct tld_obj *o);
struct tld_link;
/* After resolution: offsets into data that another object defines stay
 * inside that object. */
int tld_check_data_offsets(const struct tld_link *l);

/* ---- discipline.c: the code discipline of TOOLCHAIN.md ---- */
/* Audit an object (blocks already parsed): rule 3 and the code.  Reports
 * through tld_diag and returns the number of errors. */
int tld_audit_object(struct tld_obj *o);
/* ---- verify.c: the proof checker of "Verified code" ---- */
/* Check every function of a Cuckoo object against its .cuckoo.proof;
 * reports "FILE: FUNC+0xOFF: cannot prove OP: REASON", returns the count. */
int tld_verify_object(struct tld_obj *o);
/* cuckoo-prove: the object's proof text with the states at branch targets
 * that the checker infers written into it (doc/verify.md "States at branch
 * targets"); functions it cannot prove get none.  NULL without a proof. */
char *tld_prove_states(struct tld_obj *o);
/* IN (an object cuckoo-cc assembled) made again as OUT with those states
 * in its proof, or (TEXT_ONLY) the proof's text written to OUT.  0; 3 when
 * IN is no well-formed Cuckoo object with a proof (nothing written); 1 if
 * OUT cannot be written. */
int tld_prove_file(const char *in, const char *out, int text_only);
/* On in both programs (a unit test may turn it off to reach the rules
 * behind it). */
extern int tld_prove;

/* Rule 3 only (block vs ELF symbol table). */
int tld_check_symbols(struct tld_obj *o);
/* ---- resolve.c: pulling archive members, rule 4 ---- */
struct tld_link {
    struct tld_file **files; /* command-line order; runtime files last */
    size_t nfiles;
    /* results of tld_resolve */
    struct tld_namerec *unchecked;
    size_t nunchecked;
};
void tld_select_members(struct tld_link *l);
/* Rule 4 over every loaded object; returns the number of errors. */
int tld_resolve(struct tld_link *l);
/* A Cuckoo object may not define a name the runtime defines or uses (but
 * for the refs of the runtime's block), nor one the linked program OUT
 * exports to the C library: each reports and returns the error count. */
int tld_check_reserved(const struct tld_link *l);
int tld_check_exports(const struct tld_link *l, const struct tld_elf *out);
/* Rule 4 over the blocks of a program (objcheck). */
int tld_resolve_blocks(const char *file, const struct tld_block *b, size_t n,
                       const struct tld_block *lb);

/* ---- trust.c: the runtime's identity ---- */
/* Locate and verify the start object and the archive; NULL on failure. */
struct tld_file *tld_runtime_open(int which); /* 0 start, 1 archive */
const char *tld_runtime_digest(int which);
const char *tld_runtime_basename(int which);
/* Every Cuckoo object (not runtime, not trusted) must pass rules 1-3. */
int tld_check_cuckoo_input(struct tld_obj *o);

/* ---- runld.c: the GNU linker ---- */
struct tld_placed { /* where a Cuckoo function landed */
    const struct tld_obj *obj;
    const char *secname;
    uint32_t addr;
};
/* Copy loaded inputs to a private directory, run ld into TMPOUT, parse the
 * map to find each input section's address.  0 on success. */
int tld_run_ld(struct tld_link *l, const char *tmpout, const char *mapfile);
/* Address of input section SECNAME of OBJ in the output, or 0. */
uint32_t tld_input_section_addr(const struct tld_obj *o, const char *secname);
void tld_cleanup_copies(void);

/* ---- manifest.c: the linker's block ---- */
char *tld_make_manifest(struct tld_link *l, const unsigned char *out,
                        size_t outlen, const struct tld_elf *oe);
/* The section in which cuckoo-ld keeps a copy of every checked and
 * trusted object it linked, so that the program audit can link them again
 * and compare (doc/objcheck.md "The program's objects"). */
#define TLD_OBJECTS_SECTION ".cuckoo.objects"
#define TLD_OBJECTS_MAGIC "cuckoo-objects 1"
unsigned char *tld_embed_objects(const struct tld_link *l, size_t *len);
/* Append TEXT to the .cuckoo.types section of the ELF32 program PATH and
 * add the section .cuckoo.objects with OBJS. */
int tld_stamp_program(const char *path, const char *text, const unsigned char *objs, size_t objslen);

/* ---- link.c: a link after the inputs are read ---- */
/* Select archive members, audit the Cuckoo inputs, resolve (rule 4), run
 * the GNU linker into OUTPUT (map MAP) and check its exports; returns the
 * linker's block.  STOP is called after each pass and ends the link
 * (returning NULL) when it returns nonzero. */
char *tld_link_files(struct tld_link *l, const char *output, const char *map, int (*stop)(const char *pass));

/* ---- progaudit.c: the program audit ---- */
/* Link the objects embedded in PROG again and compare the result with
 * PROG, whose linked block is LB; an embedded trusted object is a warning,
 * with STRICT an error.  Returns the number of errors. */
int tld_audit_program_link(struct tld_obj *prog, const struct tld_block *lb, int strict);
/* objcheck: the section hashes, input files, runtime digests. */
int tld_check_manifest(const char *file, const unsigned char *bytes, size_t len,
                       const struct tld_elf *e, const struct tld_block *lb);

#endif
