/* abi.h -- the machine contract, defined once (doc/common.md).
 *
 * What cuckoo-cc writes and what cuckoo-ld and cuckoo-objcheck read back
 * must agree to the byte: the length word, the stack check, the indirect
 * call, the ELF and relocation types of a target, the sizes of the
 * canonical scalar types.  Each is written here once, as data; the
 * compiler prints it, the linker matches it, the runtime reads the length
 * word through it.  The checker shares these definitions with the
 * compiler, never the compiler's analyses, so a prover bug cannot vouch
 * for itself.
 *
 * This header is plain C with no dependency but <stdint.h>: the runtime
 * (rt/rt.h) includes it too, for the length word.
 */
#ifndef CUCKOO_COMMON_ABI_H
#define CUCKOO_COMMON_ABI_H

#include <stdint.h>

/* ---- the length word (LANGUAGE.md §4, TOOLCHAIN.md "Symbols, ABI") ----
 * Every array is an unsigned 32-bit count of its elements followed by the
 * elements; a pointer to an array is the address of element 0, so C code
 * finds the length at ((unsigned *)p)[-1].  Element 0 is aligned to at
 * least the word's size. */
#define CK_LEN_WORD_SIZE 4
#define CK_LEN_WORD_OFFSET (-CK_LEN_WORD_SIZE) /* from element 0 */

/* The layout an array of N elements of ESIZE bytes aligned to EALIGN
 * implies (LANGUAGE.md §4): the length word, the elements, padding to the
 * array's alignment, which is at least the word's.  Exact for any N and
 * ESIZE below 2^31 (the caller refuses larger sizes). */
static inline unsigned long long ck_array_align(unsigned long long ealign)
{
    return ealign > CK_LEN_WORD_SIZE ? ealign : CK_LEN_WORD_SIZE;
}
static inline unsigned long long ck_array_size(unsigned long long esize, unsigned long long n,
                                               unsigned long long ealign)
{
    unsigned long long align = ck_array_align(ealign);
    return (CK_LEN_WORD_SIZE + n * esize + align - 1) / align * align;
}

/* ---- the call-site table (doc/abi.md "Runtime-error sites") ----
 * A section of entries of two 32-bit words: a call's return address and
 * the site record of that call, so that the runtime finds a call's site
 * from its return address.  An entry whose return address is 0 (never a
 * call's) points instead at the descriptor of a .bss object whose length
 * words the start-up code writes ("Length words written at start-up"):
 * two header words, the object's address and size, then operations --
 * CK_LW_WORD OFF VALUE writes the length word VALUE at OFF;
 * CK_LW_REPEAT COUNT STRIDE OFF BODYLEN BODY... runs BODY (BODYLEN words,
 * ending with CK_LW_END) COUNT times at OFF, OFF + STRIDE, ...;
 * CK_LW_END ends a list. */
/* The largest argument block of a domain_call (LANGUAGE.md §13.3): the
 * state pointer and arithmetic arguments, which the runtime copies onto
 * its own stack. */
#define CK_DOMAIN_BLOCK_MAX 256
#define CK_CALLSITES_SECTION "__cuckoo_callsites"
#define CK_CALLSITE_SIZE 8      /* bytes of an entry */
#define CK_CALLSITE_RET 0       /* byte offsets of its two words */
#define CK_CALLSITE_SITE 4
#define CK_LWDESC_OBJECT 0      /* byte offsets in a length-word descriptor */
#define CK_LWDESC_SIZE 4
#define CK_LWDESC_OPS 8
enum ck_lw_op { CK_LW_END = 0, CK_LW_WORD = 1, CK_LW_REPEAT = 2 };

/* ---- protection domains: what a store may not reach (LANGUAGE.md §13.3) ----
 * Inside a domain no store may reach the program's static storage, the
 * addresses [CK_STATIC_START_SYM, CK_STATIC_END_SYM) (cuckoo-ld defines
 * the two names as GNU ld's __executable_start and _end; heap, stacks and
 * channels are mapped outside).  Whether the thread is inside a domain is
 * the thread-local word domain_flag_sym (non-zero inside): compiled code
 * reads it with `cmpl $0, %gs:SYM@ntpoff`, never writes it, and may keep
 * what it read for the rest of the function's activation, because the
 * runtime sets it only around a call and restores it before the call
 * returns (doc/domains.md "Isolation"). */
#define CK_STATIC_START_SYM "__cuckoo_static_start"
#define CK_STATIC_END_SYM "__cuckoo_static_end"

/* ---- fixed instruction sequences ----
 * A sequence is a list of instructions, each a byte template with at most
 * one variable field, and the assembler line cuckoo-cc writes for it.  The
 * compiler prints TEXT (a printf format taking the field's value: an int
 * for CK_FIELD_SIZE, a string for the others, %1$ when used twice); the
 * linker matches BYTES; a unit test assembles TEXT and compares it with
 * BYTES, so the two halves cannot drift apart. */
enum ck_field {
    CK_FIELD_NONE,
    CK_FIELD_SIZE,  /* imm32, little-endian: the bytes the stack check covers */
    CK_FIELD_STUB,  /* rel32 of a branch to the function's trap stub (a label) */
    CK_FIELD_TLS,   /* disp32 of the thread's stack limit: a TLS_LE relocation of
                     * the machine's stack_limit_sym in an object, a negative
                     * offset into the TLS block in a program */
    CK_FIELD_REG    /* a register number in the ModRM byte at field_off: bits
                     * 0-2 when reg_shifts has bit 0, bits 3-5 when bit 1 */
};

#define CK_INSN_MAX 8
struct ck_insn {
    uint8_t len;
    uint8_t bytes[CK_INSN_MAX]; /* the encoding, the field's bits zero */
    enum ck_field field;
    uint8_t field_off;          /* byte of the field in the instruction */
    uint8_t reg_shifts;         /* CK_FIELD_REG: which 3-bit slots hold it */
    const char *text;           /* the assembler line(s), a printf format */
};

struct ck_seq {
    const struct ck_insn *insns;
    unsigned n;
};

/* Bytes of a whole sequence; the offset of its Nth instruction. */
unsigned ck_seq_len(const struct ck_seq *s);
unsigned ck_seq_insn_off(const struct ck_seq *s, unsigned n);
/* The offset, from the sequence's start, of the first field of KIND, or
 * -1 if there is none.  Fields other than CK_FIELD_REG are 4 bytes. */
int ck_seq_field_off(const struct ck_seq *s, enum ck_field kind);
/* The offset of the instruction that holds that field, or -1. */
int ck_seq_field_insn_off(const struct ck_seq *s, enum ck_field kind);

/* What a match found: the value of each field kind (the last one seen for
 * a kind that occurs twice, whose copies must agree for CK_FIELD_REG). */
struct ck_match {
    uint32_t size, tls;
    int32_t stub[2];            /* rel32 of the first two CK_FIELD_STUB */
    unsigned reg;
};
/* Do the LEN bytes at CODE begin with sequence S?  Fills *M (if not NULL).
 * Only the fixed bits are compared; what the fields hold is the caller's
 * to judge (a stub's target, the TLS relocation). */
int ck_seq_match(const struct ck_seq *s, const unsigned char *code, uint32_t len, struct ck_match *m);

/* ---- the canonical scalar types (TOOLCHAIN.md "Canonical types") ----
 * One X-macro list, ctype.def, gives each its spelling, its C name and its
 * size and alignment on each machine. */
enum ck_scalar {
#define CK_SCALAR(id, spelling, cname, i386_size, i386_align) CKS_##id,
#include "ctype.def"
#undef CK_SCALAR
    CK_NSCALARS
};

/* ---- a machine: what tld's readers and the code rules depend on ---- */
struct ck_machine {
    const char *name;           /* "i386" */
    const char *bfd_target;     /* libbfd's name of its object format */
    /* ELF identification: EI_CLASS, EI_DATA, e_machine */
    unsigned elf_class, elf_data, elf_machine;
    int rela;                   /* relocations carry addends (SHT_RELA), else SHT_REL */
    unsigned ptr_size;
    unsigned reloc_size;        /* bytes each allowed relocation patches */
    unsigned stack_align;       /* %esp alignment at every call */
    /* relocation types: an absolute word, a PC-relative word, a call
     * through the PLT, the local-exec TLS offset of the stack check */
    unsigned r_abs, r_pc, r_plt, r_tls_le;
    /* the stack check every checked function begins with (doc/abi.md "The
     * stack check") and the only form of indirect call (abi.md) */
    struct ck_seq stack_check;
    struct ck_seq indirect_call;
    struct ck_seq domain_test;  /* `cmpl $0, %gs:FLAG`: CK_FIELD_TLS is domain_flag_sym's */
    const char *stack_limit_sym;
    const char *domain_flag_sym; /* thread-local: non-zero inside a protection domain */
    /* sizes and alignments of the canonical scalars (void: size 0) */
    uint8_t scalar_size[CK_NSCALARS], scalar_align[CK_NSCALARS];
};

extern const struct ck_machine ck_i386;
/* The machines tld reads, NULL-terminated: i386 alone today. */
extern const struct ck_machine *const ck_machines[];
/* The machine of an ELF header's identification, or NULL. */
const struct ck_machine *ck_machine_of_elf(unsigned elf_class, unsigned elf_data, unsigned elf_machine);

#endif
