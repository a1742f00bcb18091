/* dwarf.c -- -g: the DWARF 4 .debug_info, .debug_abbrev, .debug_loc and
 * .debug_ranges of one assembly file (the line table comes from `as`,
 * through the .loc directives; the call-frame information from the .cfi_*
 * directives).
 *
 * What gdb sees (doc/backend.md "Debugging information (-g)"):
 *  - the compile unit, its types (base types, pointers, qualifiers,
 *    structs, unions, enums, arrays, function types, file-scope typedefs),
 *    its global variables, and each function under its source name (so
 *    __cuckoo_main is `main`) with its parameters, its locals and the
 *    blocks that declare variables (lexical blocks), and each call that
 *    -O2 inlined as a DW_TAG_inlined_subroutine of the callee's abstract
 *    instance, nested for a call inlined within a copy;
 *  - an array's DWARF object is its element 0, the Cuckoo value of a
 *    pointer to it, so `p a`, `p *p` and `p &a` agree with the language; its
 *    length word is the 4 bytes before; an unsized array's element count is
 *    read from there at run time (DW_OP_push_object_address); an array of
 *    arrays is one DWARF array with a stride per dimension;
 *  - a variable held in a temp (a register or a spill slot) is described
 *    by a location list that covers exactly the instructions at whose start
 *    its temp is live, plus the cold trap stubs of the checks where it is
 *    live; elsewhere gdb says <optimized out>.  Within its live range the
 *    temp's register or slot is its own (linear scan over live-range
 *    hulls), and a live temp holds the value of the last assignment that
 *    reaches the point, so no wrong value can be shown.
 *
 * Output is deterministic: labels are derived from function names and
 * instruction positions, and types are numbered in order of first use. */
#include "config.h"
#include "../cc.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- DWARF constants (the subset used) ----------------------------------------- */

enum {
  TAG_array_type = 0x01, TAG_enumeration_type = 0x04, TAG_formal_parameter = 0x05,
  TAG_member = 0x0d, TAG_pointer_type = 0x0f, TAG_compile_unit = 0x11, TAG_structure_type = 0x13,
  TAG_subroutine_type = 0x15, TAG_typedef = 0x16, TAG_union_type = 0x17,
  TAG_unspecified_parameters = 0x18, TAG_variable = 0x34, TAG_volatile_type = 0x35,
  TAG_base_type = 0x24, TAG_const_type = 0x26, TAG_enumerator = 0x28, TAG_subprogram = 0x2e,
  TAG_subrange_type = 0x21, TAG_lexical_block = 0x0b, TAG_inlined_subroutine = 0x1d,
};
enum {
  AT_location = 0x02, AT_name = 0x03, AT_byte_size = 0x0b, AT_stmt_list = 0x10, AT_low_pc = 0x11,
  AT_high_pc = 0x12, AT_language = 0x13, AT_comp_dir = 0x1b, AT_const_value = 0x1c,
  AT_producer = 0x25, AT_prototyped = 0x27, AT_count = 0x37, AT_data_member_location = 0x38,
  AT_decl_file = 0x3a, AT_decl_line = 0x3b, AT_encoding = 0x3e, AT_external = 0x3f,
  AT_frame_base = 0x40, AT_type = 0x49, AT_data_location = 0x50, AT_byte_stride = 0x51,
  AT_declaration = 0x3c, AT_artificial = 0x34, AT_ranges = 0x55, AT_inline = 0x20,
  AT_abstract_origin = 0x31, AT_entry_pc = 0x52, AT_call_column = 0x57, AT_call_file = 0x58,
  AT_call_line = 0x59,
};
#define INL_inlined 1               /* DW_INL_inlined: not declared inline, inlined */
enum {
  FORM_addr = 0x01, FORM_data2 = 0x05, FORM_data4 = 0x06, FORM_string = 0x08, FORM_data1 = 0x0b,
  FORM_flag = 0x0c, FORM_sdata = 0x0d, FORM_udata = 0x0f, FORM_ref4 = 0x13,
  FORM_sec_offset = 0x17, FORM_exprloc = 0x18, FORM_flag_present = 0x19,
};
enum {
  ATE_boolean = 0x02, ATE_float = 0x04, ATE_signed = 0x05, ATE_signed_char = 0x06,
  ATE_unsigned = 0x07, ATE_unsigned_char = 0x08,
};
enum {
  OP_addr = 0x03, OP_deref = 0x06, OP_constu = 0x10, OP_minus = 0x1c, OP_plus_uconst = 0x23,
  OP_reg0 = 0x50, OP_fbreg = 0x91, OP_push_object_address = 0x97, OP_call_frame_cfa = 0x9c,
};
#define LANG_C99 0x0c

/* ---- abbreviations ---------------------------------------------------------------- */

enum {
  AB_CU = 1, AB_CU_NOCODE, AB_BASE, AB_PTR, AB_PTR_VOID, AB_CONST, AB_CONST_VOID, AB_VOLATILE,
  AB_VOLATILE_VOID, AB_STRUCT, AB_STRUCT_ANON, AB_UNION, AB_UNION_ANON, AB_DECL_STRUCT,
  AB_DECL_UNION, AB_MEMBER, AB_MEMBER_ANON, AB_ARRAY, AB_ARRAY_LOCATED, AB_SUBRANGE,
  AB_SUBRANGE_STRIDE, AB_SUBRANGE_DYN, AB_SUBRANGE_DYN_STRIDE, AB_ENUM, AB_ENUM_ANON,
  AB_ENUMERATOR, AB_FUNCTYPE, AB_FUNCTYPE_VOID, AB_FUNCTYPE_PARAM, AB_UNSPEC_PARAMS, AB_TYPEDEF,
  AB_GLOBAL, AB_SUBPROGRAM, AB_SUBPROGRAM_VOID, AB_PARAM, AB_PARAM_LIST, AB_PARAM_NOLOC, AB_VAR,
  AB_VAR_LIST, AB_VAR_NOLOC, AB_INDEX_TYPE, AB_BLOCK, AB_ABSTRACT, AB_ABSTRACT_VOID, AB_INLINED,
  AB_INL_PARAM, AB_INL_PARAM_LIST, AB_INL_PARAM_CONST, AB_INL_PARAM_NOLOC, AB_INL_VAR,
  AB_INL_VAR_LIST, AB_INL_VAR_CONST, AB_INL_VAR_NOLOC, AB_ABSTRACT_BLOCK, AB_INL_BLOCK, AB_COUNT
};

typedef struct {
  int tag;
  bool children;
  int attrs[24];                  /* attribute, form pairs; 0 ends */
} Abbrev;

#define NAMED_DECL AT_name, FORM_string, AT_decl_file, FORM_udata, AT_decl_line, FORM_udata
static const Abbrev abbrevs[AB_COUNT] = {
  [AB_CU] = {TAG_compile_unit, true,
             {AT_producer, FORM_string, AT_language, FORM_data1, AT_name, FORM_string, AT_comp_dir,
              FORM_string, AT_low_pc, FORM_addr, AT_high_pc, FORM_data4, AT_stmt_list,
              FORM_sec_offset}},
  [AB_CU_NOCODE] = {TAG_compile_unit, true,
                    {AT_producer, FORM_string, AT_language, FORM_data1, AT_name, FORM_string,
                     AT_comp_dir, FORM_string, AT_stmt_list, FORM_sec_offset}},
  [AB_BASE] = {TAG_base_type, false, {AT_name, FORM_string, AT_encoding, FORM_data1, AT_byte_size,
                                      FORM_data1}},
  [AB_INDEX_TYPE] = {TAG_base_type, false, {AT_name, FORM_string, AT_encoding, FORM_data1,
                                            AT_byte_size, FORM_data1, AT_artificial,
                                            FORM_flag_present}},
  [AB_PTR] = {TAG_pointer_type, false, {AT_byte_size, FORM_data1, AT_type, FORM_ref4}},
  [AB_PTR_VOID] = {TAG_pointer_type, false, {AT_byte_size, FORM_data1}},
  [AB_CONST] = {TAG_const_type, false, {AT_type, FORM_ref4}},
  [AB_CONST_VOID] = {TAG_const_type, false, {0}},
  [AB_VOLATILE] = {TAG_volatile_type, false, {AT_type, FORM_ref4}},
  [AB_VOLATILE_VOID] = {TAG_volatile_type, false, {0}},
  [AB_STRUCT] = {TAG_structure_type, true, {NAMED_DECL, AT_byte_size, FORM_data4}},
  [AB_STRUCT_ANON] = {TAG_structure_type, true, {AT_byte_size, FORM_data4}},
  [AB_UNION] = {TAG_union_type, true, {NAMED_DECL, AT_byte_size, FORM_data4}},
  [AB_UNION_ANON] = {TAG_union_type, true, {AT_byte_size, FORM_data4}},
  /* an incomplete struct or union: DW_AT_declaration */
  [AB_DECL_STRUCT] = {TAG_structure_type, false, {AT_name, FORM_string, AT_declaration,
                                                  FORM_flag_present}},
  [AB_DECL_UNION] = {TAG_union_type, false, {AT_name, FORM_string, AT_declaration,
                                             FORM_flag_present}},
  [AB_MEMBER] = {TAG_member, false, {NAMED_DECL, AT_type, FORM_ref4, AT_data_member_location,
                                     FORM_udata}},
  [AB_MEMBER_ANON] = {TAG_member, false, {AT_type, FORM_ref4, AT_data_member_location, FORM_udata}},
  [AB_ARRAY] = {TAG_array_type, true, {AT_type, FORM_ref4}},
  [AB_ARRAY_LOCATED] = {TAG_array_type, true, {AT_type, FORM_ref4, AT_data_location,
                                                FORM_exprloc}},
  [AB_SUBRANGE] = {TAG_subrange_type, false, {AT_type, FORM_ref4, AT_count, FORM_udata}},
  [AB_SUBRANGE_STRIDE] = {TAG_subrange_type, false, {AT_type, FORM_ref4, AT_count, FORM_udata,
                                                     AT_byte_stride, FORM_udata}},
  [AB_SUBRANGE_DYN] = {TAG_subrange_type, false, {AT_type, FORM_ref4, AT_count, FORM_exprloc}},
  [AB_SUBRANGE_DYN_STRIDE] = {TAG_subrange_type, false, {AT_type, FORM_ref4, AT_count,
                                                         FORM_exprloc, AT_byte_stride, FORM_udata}},
  [AB_ENUM] = {TAG_enumeration_type, true, {AT_name, FORM_string, AT_byte_size, FORM_data1}},
  [AB_ENUM_ANON] = {TAG_enumeration_type, true, {AT_byte_size, FORM_data1}},
  [AB_ENUMERATOR] = {TAG_enumerator, false, {AT_name, FORM_string, AT_const_value, FORM_sdata}},
  [AB_FUNCTYPE] = {TAG_subroutine_type, true, {AT_prototyped, FORM_flag_present, AT_type, FORM_ref4}},
  [AB_FUNCTYPE_VOID] = {TAG_subroutine_type, true, {AT_prototyped, FORM_flag_present}},
  [AB_FUNCTYPE_PARAM] = {TAG_formal_parameter, false, {AT_type, FORM_ref4}},
  [AB_UNSPEC_PARAMS] = {TAG_unspecified_parameters, false, {0}},
  [AB_TYPEDEF] = {TAG_typedef, false, {NAMED_DECL, AT_type, FORM_ref4}},
  [AB_GLOBAL] = {TAG_variable, false, {NAMED_DECL, AT_type, FORM_ref4, AT_external, FORM_flag,
                                       AT_location, FORM_exprloc}},
  [AB_SUBPROGRAM] = {TAG_subprogram, true,
                     {AT_external, FORM_flag, NAMED_DECL,
                      AT_prototyped, FORM_flag_present, AT_type, FORM_ref4, AT_low_pc, FORM_addr,
                      AT_high_pc, FORM_data4, AT_frame_base, FORM_exprloc}},
  [AB_SUBPROGRAM_VOID] = {TAG_subprogram, true,
                          {AT_external, FORM_flag, NAMED_DECL,
                           AT_prototyped, FORM_flag_present, AT_low_pc, FORM_addr, AT_high_pc,
                           FORM_data4, AT_frame_base, FORM_exprloc}},
  [AB_PARAM] = {TAG_formal_parameter, false, {NAMED_DECL, AT_type, FORM_ref4, AT_location,
                                              FORM_exprloc}},
  [AB_PARAM_LIST] = {TAG_formal_parameter, false, {NAMED_DECL, AT_type, FORM_ref4, AT_location,
                                                   FORM_sec_offset}},
  [AB_PARAM_NOLOC] = {TAG_formal_parameter, false, {NAMED_DECL, AT_type, FORM_ref4}},
  [AB_VAR] = {TAG_variable, false, {NAMED_DECL, AT_type, FORM_ref4, AT_location, FORM_exprloc}},
  [AB_VAR_LIST] = {TAG_variable, false, {NAMED_DECL, AT_type, FORM_ref4, AT_location,
                                         FORM_sec_offset}},
  [AB_VAR_NOLOC] = {TAG_variable, false, {NAMED_DECL, AT_type, FORM_ref4}},
  [AB_BLOCK] = {TAG_lexical_block, true, {AT_ranges, FORM_sec_offset}},
  /* a function inlined somewhere: its abstract instance (what every copy
   * shares: name, type, its variables' names and types), and each copy */
  [AB_ABSTRACT] = {TAG_subprogram, true, {AT_external, FORM_flag, NAMED_DECL, AT_prototyped,
                                          FORM_flag_present, AT_type, FORM_ref4, AT_inline,
                                          FORM_data1}},
  [AB_ABSTRACT_VOID] = {TAG_subprogram, true, {AT_external, FORM_flag, NAMED_DECL, AT_prototyped,
                                               FORM_flag_present, AT_inline, FORM_data1}},
  [AB_INLINED] = {TAG_inlined_subroutine, true,
                  {AT_abstract_origin, FORM_ref4, AT_entry_pc, FORM_addr, AT_ranges, FORM_sec_offset,
                   AT_call_file, FORM_udata, AT_call_line, FORM_udata, AT_call_column, FORM_udata}},
  [AB_INL_PARAM] = {TAG_formal_parameter, false, {AT_abstract_origin, FORM_ref4, AT_location,
                                                  FORM_exprloc}},
  [AB_INL_PARAM_LIST] = {TAG_formal_parameter, false, {AT_abstract_origin, FORM_ref4, AT_location,
                                                       FORM_sec_offset}},
  [AB_INL_PARAM_CONST] = {TAG_formal_parameter, false, {AT_abstract_origin, FORM_ref4,
                                                        AT_const_value, FORM_sdata}},
  [AB_INL_PARAM_NOLOC] = {TAG_formal_parameter, false, {AT_abstract_origin, FORM_ref4}},
  [AB_INL_VAR] = {TAG_variable, false, {AT_abstract_origin, FORM_ref4, AT_location, FORM_exprloc}},
  [AB_INL_VAR_LIST] = {TAG_variable, false, {AT_abstract_origin, FORM_ref4, AT_location,
                                             FORM_sec_offset}},
  [AB_INL_VAR_CONST] = {TAG_variable, false, {AT_abstract_origin, FORM_ref4, AT_const_value,
                                              FORM_sdata}},
  [AB_INL_VAR_NOLOC] = {TAG_variable, false, {AT_abstract_origin, FORM_ref4}},
  [AB_ABSTRACT_BLOCK] = {TAG_lexical_block, true, {0}},
  [AB_INL_BLOCK] = {TAG_lexical_block, true, {AT_abstract_origin, FORM_ref4, AT_ranges,
                                              FORM_sec_offset}},
};

static void write_abbrevs(FILE *o) {
  fprintf(o, "\t.section .debug_abbrev,\"\",@progbits\n.Lcuckoo_abbrev0:\n");
  for (int i = 1; i < AB_COUNT; i++) {
    const Abbrev *a = &abbrevs[i];
    fprintf(o, "\t.uleb128 %d, %#x\n\t.byte %d\n", i, a->tag, a->children ? 1 : 0);
    for (int k = 0; a->attrs[k]; k += 2)
      fprintf(o, "\t.uleb128 %#x, %#x\n", a->attrs[k], a->attrs[k + 1]);
    fprintf(o, "\t.byte 0, 0\n");
  }
  fprintf(o, "\t.byte 0\n");
}

/* ---- writing DIEs ---------------------------------------------------------------- */

static Buf info;                  /* the DIEs after the compile unit's attributes */
static Buf types;                 /* type DIEs, appended to the unit at the end */
static Buf loc;                   /* .debug_loc */
static Buf ranges;                /* .debug_ranges */
static int range_lists;
static const char *text0;         /* the first function: the unit's base address */
static int loc_lists;

static void put_u8(Buf *b, int v) { buf_printf(b, "\t.byte %d\n", v & 0xff); }
static void put_u32(Buf *b, long long v) { buf_printf(b, "\t.long %lld\n", v); }
static void put_uleb(Buf *b, unsigned long long v) { buf_printf(b, "\t.uleb128 %llu\n", v); }
static void put_sleb(Buf *b, long long v) { buf_printf(b, "\t.sleb128 %lld\n", v); }
static void put_ref(Buf *b, const char *label) { buf_printf(b, "\t.long %s-.Lcuckoo_info0\n", label); }

static void put_string(Buf *b, const char *s) {
  buf_puts(b, "\t.string \"");
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      buf_printf(b, "\\%c", *p);
    else if (*p >= 32 && *p < 127)
      buf_putc(b, *p);
    else
      buf_printf(b, "\\%03o", *p);
  }
  buf_puts(b, "\"\n");
}

/* an expression of plain bytes (no relocation) */
typedef struct {
  unsigned char b[32];
  int n;
} Expr;

static void ex_u8(Expr *e, int v) { e->b[e->n++] = (unsigned char)v; }
static void ex_uleb(Expr *e, unsigned long long v) {
  do {
    unsigned char c = v & 0x7f;
    v >>= 7;
    ex_u8(e, v ? c | 0x80 : c);
  } while (v);
}
static void ex_sleb(Expr *e, long long v) {
  for (;;) {
    unsigned char c = v & 0x7f;
    v >>= 7;                      /* arithmetic: the sign propagates */
    bool done = (v == 0 && !(c & 0x40)) || (v == -1 && (c & 0x40));
    ex_u8(e, done ? c : c | 0x80);
    if (done)
      return;
  }
}

static void put_exprloc(Buf *b, Expr *e) {
  put_uleb(b, e->n);
  if (!e->n)
    return;
  buf_puts(b, "\t.byte ");
  for (int i = 0; i < e->n; i++)
    buf_printf(b, i ? ", %d" : "%d", e->b[i]);
  buf_putc(b, '\n');
}

/* ---- files -------------------------------------------------------------------------- */

static const char *source_file;

/* The line table's number of LOC's file, or 0 (no file) for one no .loc
 * named: a header's declarations. */
static int decl_file(Loc l) { return i386_file_lookup(l.file ? l.file : source_file); }

static void put_decl(Buf *b, const char *name, Loc l) {
  put_string(b, name);
  put_uleb(b, decl_file(l));
  put_uleb(b, l.line > 0 ? l.line : 0);
}

/* ---- types ------------------------------------------------------------------------- */

typedef struct {
  Type *ty;                       /* NULL: the artificial index type */
  bool located;                   /* an array of arrays as a pointer's target */
  char *label;
} TypeDie;

static TypeDie *tdies;
static int ntdies, captdies, nwritten;

static int dims(Type *t) {
  int n = 0;
  for (; t->kind == TY_ARRAY; t = t->base)
    n++;
  return n;
}

/* Bytes from the start of a Cuckoo object of type T to its DWARF object:
 * for an array, element 0 of its innermost array of element 0 (4 bytes
 * per dimension: each level's length word). */
static int lead(Type *t) { return 4 * dims(t); }

static bool same_type(Type *a, Type *b) {
  if (a == b)
    return true;
  if (a->kind != b->kind || (a->qual & ~Q_GLOBAL) != (b->qual & ~Q_GLOBAL))
    return false;
  switch (a->kind) {
  case TY_PTR:
    return same_type(a->base, b->base);
  case TY_ARRAY:
    return a->len == b->len && same_type(a->base, b->base);
  case TY_STRUCT: case TY_UNION:
    return a->sdef == b->sdef;
  case TY_ENUM:
    return a->enum_consts == b->enum_consts &&
           (a->enum_tag == b->enum_tag ||
            (a->enum_tag && b->enum_tag && !strcmp(a->enum_tag, b->enum_tag)));
  case TY_FUNC:
    if (a->nparams != b->nparams || a->variadic != b->variadic || !same_type(a->base, b->base))
      return false;
    for (int i = 0; i < a->nparams; i++)
      if (!same_type(a->params[i], b->params[i]))
        return false;
    return true;
  default:
    return true;
  }
}

/* The label of T's DIE (queued for writing when new); NULL for void.
 * An array of arrays has two DIEs: the one of variables, members and
 * typedefs, whose object is its first innermost element 0, and a LOCATED
 * one for pointers, whose object is the Cuckoo value (element 0, where
 * the first row's length word is) and whose data starts further on. */
static const char *type_ref_as(Type *t, bool located) {
  if (t->kind == TY_VOID && !(t->qual & (Q_CONST | Q_VOLATILE)))
    return NULL;
  located = located && dims(t) > 1;
  for (int i = 0; i < ntdies; i++)
    if (tdies[i].ty && tdies[i].located == located && same_type(tdies[i].ty, t))
      return tdies[i].label;
  if (ntdies == captdies) {
    captdies = captdies ? 2 * captdies : 32;
    tdies = xrealloc(tdies, captdies * sizeof *tdies);
  }
  tdies[ntdies] = (TypeDie){t, located, format(".Lcuckoo_type%d", ntdies)};
  return tdies[ntdies++].label;
}

static const char *type_ref(Type *t) { return type_ref_as(t, false); }

static const char *index_type(void) {
  for (int i = 0; i < ntdies; i++)
    if (!tdies[i].ty)
      return tdies[i].label;
  if (ntdies == captdies) {
    captdies = captdies ? 2 * captdies : 32;
    tdies = xrealloc(tdies, captdies * sizeof *tdies);
  }
  tdies[ntdies] = (TypeDie){NULL, false, format(".Lcuckoo_type%d", ntdies)};
  return tdies[ntdies++].label;
}

static void base_type(Buf *b, const char *name, int enc, int size) {
  put_uleb(b, AB_BASE);
  put_string(b, name);
  put_u8(b, enc);
  put_u8(b, size);
}

static void write_type(Buf *b, Type *t, bool located) {
  unsigned q = t->qual & (Q_CONST | Q_VOLATILE);
  if (q) {
    /* const volatile T: const -> volatile -> T */
    Type *inner = type_copy(t);
    inner->qual &= ~(q & Q_CONST ? Q_CONST : Q_VOLATILE);
    const char *r = type_ref_as(inner, located);
    put_uleb(b, q & Q_CONST ? (r ? AB_CONST : AB_CONST_VOID) : (r ? AB_VOLATILE : AB_VOLATILE_VOID));
    if (r)
      put_ref(b, r);
    return;
  }
  switch (t->kind) {
  case TY_BOOL: base_type(b, "_Bool", ATE_boolean, 1); return;
  case TY_CHAR: base_type(b, "char", ATE_signed_char, 1); return;
  case TY_SCHAR: base_type(b, "signed char", ATE_signed_char, 1); return;
  case TY_UCHAR: base_type(b, "unsigned char", ATE_unsigned_char, 1); return;
  case TY_SHORT: base_type(b, "short", ATE_signed, 2); return;
  case TY_USHORT: base_type(b, "unsigned short", ATE_unsigned, 2); return;
  case TY_INT: base_type(b, "int", ATE_signed, 4); return;
  case TY_UINT: base_type(b, "unsigned int", ATE_unsigned, 4); return;
  case TY_LONG: base_type(b, "long", ATE_signed, 4); return;
  case TY_ULONG: base_type(b, "unsigned long", ATE_unsigned, 4); return;
  case TY_LLONG: base_type(b, "long long", ATE_signed, 8); return;
  case TY_ULLONG: base_type(b, "unsigned long long", ATE_unsigned, 8); return;
  case TY_FLOAT: base_type(b, "float", ATE_float, 4); return;
  case TY_DOUBLE: base_type(b, "double", ATE_float, 8); return;
  case TY_ENUM:
    put_uleb(b, t->enum_tag ? AB_ENUM : AB_ENUM_ANON);
    if (t->enum_tag)
      put_string(b, t->enum_tag);
    put_u8(b, 4);
    for (EnumConst *c = t->enum_consts; c; c = c->next) {
      put_uleb(b, AB_ENUMERATOR);
      put_string(b, c->name);
      put_sleb(b, c->value);
    }
    put_u8(b, 0);
    return;
  case TY_PTR: case TY_NULL: {
    const char *r = t->kind == TY_PTR ? type_ref_as(t->base, true) : NULL;
    put_uleb(b, r ? AB_PTR : AB_PTR_VOID);
    put_u8(b, 4);
    if (r)
      put_ref(b, r);
    return;
  }
  case TY_ARRAY: {
    /* T[a][b]...: one DWARF array of all the dimensions, whose element
     * type is the innermost element's; each dimension's stride is the
     * Cuckoo size of its element (length words included).  gdb (13)
     * asserts on a struct member or an array element whose type has a
     * DW_AT_data_location, so only the LOCATED DIE, a pointer's target,
     * has one: its data is 4 bytes on per inner dimension. */
    int nd = dims(t);
    Type *elem = t;
    while (elem->kind == TY_ARRAY)
      elem = elem->base;
    const char *r = type_ref(elem);
    if (!r)
      r = index_type();           /* void[] cannot be declared; keep the DIE well-formed */
    if (located) {
      put_uleb(b, AB_ARRAY_LOCATED);
      put_ref(b, r);
      Expr e = {.n = 0};
      ex_u8(&e, OP_push_object_address);
      ex_u8(&e, OP_plus_uconst);
      ex_uleb(&e, 4 * (nd - 1));
      put_exprloc(b, &e);
    } else {
      put_uleb(b, AB_ARRAY);
      put_ref(b, r);
    }
    const char *it = index_type();
    for (Type *a = t; a->kind == TY_ARRAY; a = a->base) {
      bool stride = a->base->kind == TY_ARRAY;
      if (a->len >= 0) {
        put_uleb(b, stride ? AB_SUBRANGE_STRIDE : AB_SUBRANGE);
        put_ref(b, it);
        put_uleb(b, a->len);
      } else {
        /* T[]: the length word, 4 bytes before element 0 (the object
         * itself when LOCATED, else 4 bytes per dimension before it) */
        put_uleb(b, stride ? AB_SUBRANGE_DYN_STRIDE : AB_SUBRANGE_DYN);
        put_ref(b, it);
        Expr e = {.n = 0};
        ex_u8(&e, OP_push_object_address);
        ex_u8(&e, OP_constu);
        ex_uleb(&e, located ? 4 : 4 * nd);
        ex_u8(&e, OP_minus);
        ex_u8(&e, OP_deref);
        put_exprloc(b, &e);
      }
      if (stride)
        put_uleb(b, a->base->size);
    }
    put_u8(b, 0);
    return;
  }
  case TY_FUNC: {
    const char *r = type_ref(t->base);
    put_uleb(b, r ? AB_FUNCTYPE : AB_FUNCTYPE_VOID);
    if (r)
      put_ref(b, r);
    for (int i = 0; i < t->nparams; i++) {
      put_uleb(b, AB_FUNCTYPE_PARAM);
      put_ref(b, type_ref(t->params[i]) ? type_ref(t->params[i]) : index_type());
    }
    if (t->variadic)
      put_uleb(b, AB_UNSPEC_PARAMS);
    put_u8(b, 0);
    return;
  }
  case TY_STRUCT: case TY_UNION: {
    StructDef *sd = t->sdef;
    bool un = t->kind == TY_UNION;
    if (!sd->complete) {
      put_uleb(b, un ? AB_DECL_UNION : AB_DECL_STRUCT);
      put_string(b, sd->tag ? sd->tag : "");
      return;
    }
    if (sd->tag) {
      put_uleb(b, un ? AB_UNION : AB_STRUCT);
      put_decl(b, sd->tag, sd->loc);
    } else {
      put_uleb(b, un ? AB_UNION_ANON : AB_STRUCT_ANON);
    }
    put_u32(b, sd->size);
    for (Member *m = sd->members; m; m = m->next) {
      const char *r = type_ref(m->ty);
      if (!r)
        continue;
      if (m->name) {
        put_uleb(b, AB_MEMBER);
        put_decl(b, m->name, m->loc);
      } else {
        put_uleb(b, AB_MEMBER_ANON);
      }
      put_ref(b, r);
      put_uleb(b, m->offset + lead(m->ty));
    }
    put_u8(b, 0);
    return;
  }
  default:
    /* void with a qualifier is handled above; nothing else is left */
    base_type(b, "int", ATE_signed, 4);
    return;
  }
}

/* Writes every queued type DIE (writing one may queue more). */
static void write_types(void) {
  for (; nwritten < ntdies; nwritten++) {
    TypeDie *d = &tdies[nwritten];
    Type *t = d->ty;
    buf_printf(&types, "%s:\n", d->label);
    if (!t) {
      put_uleb(&types, AB_INDEX_TYPE);
      put_string(&types, "__ARRAY_SIZE_TYPE__");
      put_u8(&types, ATE_unsigned);
      put_u8(&types, 4);
      continue;
    }
    write_type(&types, t, d->located);
    d = &tdies[nwritten];         /* type_ref may have moved the table */
  }
}

/* ---- locations ---------------------------------------------------------------------- */

/* DWARF register numbers of R_* (i386 psABI: eax ecx edx ebx esp ebp esi edi) */
static const int dwarf_reg[R_NALL] = {[R_EAX] = 0, [R_ECX] = 1, [R_EDX] = 2, [R_EBX] = 3,
                                      [R_ESI] = 6, [R_EBP] = 5, [R_EDI] = 7, [R_XMM0] = 21, [R_XMM0 + 1] = 22,
                                      [R_XMM0 + 2] = 23, [R_XMM0 + 3] = 24, [R_XMM0 + 4] = 25,
                                      [R_XMM0 + 5] = 26, [R_XMM0 + 6] = 27, [R_XMM0 + 7] = 28};

/* The frame base is the CFA (DW_OP_call_frame_cfa), right at every
 * instruction, the prologue and the stack check's stub included; the
 * body's %ebp is the CFA - 8.  OFF is %ebp-relative. */
static Expr fbreg(long long off) {
  Expr e = {.n = 0};
  ex_u8(&e, OP_fbreg);
  ex_sleb(&e, off - 8);
  return e;
}

/* Where temp T lives (for its whole function: linear scan does not split). */
static Expr temp_expr(I386Func *cx, int t) {
  if (cx->reg[t] >= 0) {
    Expr e = {.n = 0};
    ex_u8(&e, OP_reg0 + dwarf_reg[cx->reg[t]]);
    return e;
  }
  return fbreg(cx->spill[t]);
}

const char *i386_dwarf_label(const char *fname, int block, int inst) {
  return format(".L%s.d%d_%d", fname, block, inst);
}
bool i386_dwarf_stub_owner(IrInst *in) {
  return (ir_op_flags[in->op] & IRF_CHECK) || in->op == IR_CALL;
}

const char *i386_dwarf_stub_label(const char *fname, int block, int inst, bool end) {
  return format(".L%s.%s%d_%d", fname, end ? "se" : "ss", block, inst);
}

typedef unsigned long long Word;
#define WBITS 64
static bool bit(Word *s, int i) { return s[i / WBITS] >> (i % WBITS) & 1; }
static void bset(Word *s, int i) { s[i / WBITS] |= 1ULL << (i % WBITS); }
static void bclr(Word *s, int i) { s[i / WBITS] &= ~(1ULL << (i % WBITS)); }

/* Liveness before every instruction, as regalloc.c computes it (the IR is
 * final: dead instructions are NOPs by now): live[pos], pos numbering the
 * instructions block by block, plus one position after each block. */
typedef struct {
  int nw;
  int *bpos;                      /* first position of each block */
  Word *live;                     /* per position, nw words */
} Liveness;

static void liveness(IrFunc *f, Liveness *L) {
  int nt = f->ntemps, nb = f->nblocks;
  int nw = (nt + WBITS - 1) / WBITS + 1;
  L->nw = nw;
  L->bpos = xmalloc(sizeof(int) * (nb + 1));
  int npos = 0;
  int maxu = ir_max_uses(f);
  for (int b = 0; b < nb; b++) {
    L->bpos[b] = npos;
    npos += f->blocks[b]->n + 1;
  }
  L->bpos[nb] = npos;
  L->live = xmalloc(sizeof(Word) * nw * (npos + 1));
  memset(L->live, 0, sizeof(Word) * nw * (npos + 1));
  int *uses = xmalloc(sizeof(int) * maxu);
  bool *kept = ir_kept_variables(f);
  for (bool changed = true; changed;) {
    changed = false;
    for (int b = nb - 1; b >= 0; b--) {
      IrBlock *bl = f->blocks[b];
      Word *out = L->live + (size_t)(L->bpos[b] + bl->n) * nw;
      IrInst *term = &bl->ins[bl->n - 1];
      int s[2], ns = 0;
      if (term->op == IR_JMP)
        s[ns++] = term->t1;
      else if (term->op == IR_BR)
        s[ns++] = term->t1, s[ns++] = term->t2;
      for (int k = 0; k < ns; k++)
        for (int w = 0; w < nw; w++)
          out[w] |= L->live[(size_t)L->bpos[s[k]] * nw + w];
      if (kept && term->op == IR_RET)   /* as regalloc.c keeps them */
        for (int t = 0; t < nt; t++)
          if (kept[t])
            bset(out, t);
      for (int i = bl->n - 1; i >= 0; i--) {
        Word *after = L->live + (size_t)(L->bpos[b] + i + 1) * nw;
        Word *before = L->live + (size_t)(L->bpos[b] + i) * nw;
        Word cur[nw];
        memcpy(cur, after, sizeof cur);
        IrInst *in = &bl->ins[i];
        if (in->dst >= 0)
          bclr(cur, in->dst);
        int nu = ir_uses(in, uses, maxu);
        for (int k = 0; k < nu; k++)
          bset(cur, uses[k]);
        if (memcmp(before, cur, sizeof cur)) {
          memcpy(before, cur, sizeof cur);
          changed = true;
        }
      }
    }
  }
  free(uses);
  free(kept);
}

/* A location list for temp T of function F: the instructions at whose start
 * T is live (an instruction where T dies: its first byte only, since its
 * expansion may reuse T's register), and the stubs of checks where T is
 * live.  Returns false when T is never live (then: no location). */
static bool temp_loclist(I386Func *cx, Liveness *L, int t, const char *list_label) {
  IrFunc *f = cx->f;
  Expr e = temp_expr(cx, t);
  Buf entries = {0};
  int n = 0;
  const char *open = NULL;        /* start label of the range being built */
#define RANGE(beg, end_expr)                                                                       \
  do {                                                                                             \
    buf_printf(&entries, "\t.long %s-%s, %s-%s\n", beg, text0, end_expr, text0);         \
    buf_printf(&entries, "\t.value %d\n", e.n);                                                    \
    buf_puts(&entries, "\t.byte ");                                                                \
    for (int q = 0; q < e.n; q++)                                                                  \
      buf_printf(&entries, q ? ", %d" : "%d", e.b[q]);                                             \
    buf_putc(&entries, '\n');                                                                      \
    n++;                                                                                           \
  } while (0)
  for (int b = 0; b < f->nblocks; b++) {
    IrBlock *bl = f->blocks[b];
    for (int i = 0; i < bl->n; i++) {
      Word *before = L->live + (size_t)(L->bpos[b] + i) * L->nw;
      Word *after = before + L->nw;
      bool in_live = bit(before, t);
      /* a terminator writes no temp: T live into it keeps its place to
       * the jump, wherever its successors are */
      bool through = bit(after, t) || i == bl->n - 1;
      if (in_live && through) {
        if (!open)
          open = i386_dwarf_label(f->name, b, i);
      } else if (in_live) {
        if (!open)
          open = i386_dwarf_label(f->name, b, i);
        RANGE(open, format("%s+1", i386_dwarf_label(f->name, b, i)));
        open = NULL;
      } else if (open) {
        RANGE(open, i386_dwarf_label(f->name, b, i));
        open = NULL;
      }
    }
    if (open) {
      RANGE(open, i386_dwarf_label(f->name, b, bl->n));
      open = NULL;
    }
  }
  /* stubs: the registers and slots are as at the check's start; but a
   * backtrace through the stub's call of the trap reads %ecx, which the
   * callee need not keep, so a temp in %ecx, %edx or an %xmm is not described there */
  for (int b = 0; b < f->nblocks && cx->reg[t] != R_ECX && cx->reg[t] != R_EDX && cx->reg[t] < R_XMM0; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (!i386_dwarf_stub_owner(in) || in->dst == t)
        continue;
      if (!bit(L->live + (size_t)(L->bpos[b] + i) * L->nw, t))
        continue;
      RANGE(i386_dwarf_stub_label(f->name, b, i, false), i386_dwarf_stub_label(f->name, b, i, true));
    }
#undef RANGE
  if (!n) {
    free(entries.s);
    return false;
  }
  buf_printf(&loc, "%s:\n%s\t.long 0, 0\n", list_label, entries.s);
  free(entries.s);
  return true;
}

/* ---- functions and variables ---------------------------------------------------- */

static bool is_identifier(const char *s) {
  return s && (*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'));
}

static void write_local(I386Func *cx, Liveness *L, Obj *v, int *defs) {
  IrFunc *f = cx->f;
  const char *tr = type_ref(v->ty);
  if (!tr || !is_identifier(v->name))
    return;
  bool param = v->is_param;
  if (v->is_local && v->id > 0) {
    int t = v->id - 1;
    if (param && defs[t] <= 1) {
      /* loaded once from its incoming slot, never assigned: the slot
       * keeps its value for the whole call */
      for (int s = 0; s < f->nslots; s++)
        if (f->slots[s].obj == v && f->slots[s].param_off >= 0) {
          put_uleb(&info, AB_PARAM);
          put_decl(&info, v->name, v->loc);
          put_ref(&info, tr);
          Expr e = fbreg(f->slots[s].offset);
          put_exprloc(&info, &e);
          return;
        }
    }
    const char *list = format(".Lcuckoo_loc%d", loc_lists++);
    if (temp_loclist(cx, L, t, list)) {
      put_uleb(&info, param ? AB_PARAM_LIST : AB_VAR_LIST);
      put_decl(&info, v->name, v->loc);
      put_ref(&info, tr);
      buf_printf(&info, "\t.long %s\n", list);
      return;
    }
  } else if (v->is_local && v->offset > 0) {
    IrSlot *s = &f->slots[v->offset - 1];
    Expr e = fbreg((long long)s->offset + lead(v->ty));
    if (param || s->param_off >= 0) {
      /* the caller's argument area: there from the first instruction */
      put_uleb(&info, param ? AB_PARAM : AB_VAR);
      put_decl(&info, v->name, v->loc);
      put_ref(&info, tr);
      put_exprloc(&info, &e);
      return;
    }
    /* a frame slot: allocated by the prologue and zeroed (length words
     * written) by the entry block, so described from the end of the
     * entry block on, and not in the stack check's stub */
    const char *list = format(".Lcuckoo_loc%d", loc_lists++);
    buf_printf(&loc, "%s:\n\t.long %s-%s, %s-%s\n\t.value %d\n\t.byte ", list,
               i386_dwarf_label(f->name, 0, f->blocks[0]->n), text0,
               f->checks_stack ? format(".L%s.stack_trap", f->name) : format(".L%s.dwarf_end", f->name),
               text0, e.n);
    for (int q = 0; q < e.n; q++)
      buf_printf(&loc, q ? ", %d" : "%d", e.b[q]);
    buf_printf(&loc, "\n\t.long 0, 0\n");
    put_uleb(&info, AB_VAR_LIST);
    put_decl(&info, v->name, v->loc);
    put_ref(&info, tr);
    buf_printf(&info, "\t.long %s\n", list);
    return;
  }
  put_uleb(&info, param ? AB_PARAM_NOLOC : AB_VAR_NOLOC);
  put_decl(&info, v->name, v->loc);
  put_ref(&info, tr);
}

static void write_global(Obj *g);

/* A function's `static` variable: a global named NAME.N (check.c). */
static bool is_static_local(Obj *g) {
  size_t n = strlen(g->name);
  return g->asmname && !strncmp(g->asmname, g->name, n) && g->asmname[n] == '.';
}

static bool oper_is(Oper *o, const char *sym) {
  return o->kind == OK_SYM && o->sym && !strcmp(o->sym, sym);
}

/* Does F's own code name SYM (a static variable is named only in its
 * function; in a copy of an inlined function, it is that function's)? */
static bool refers_to(IrFunc *f, const char *sym) {
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (in->inl)
        continue;
      if (oper_is(&in->a, sym) || oper_is(&in->b, sym) || oper_is(&in->addr.base, sym) ||
          oper_is(&in->sret, sym))
        return true;
      for (int k = 0; k < in->nargs; k++)
        if (oper_is(&in->args[k].val, sym))
          return true;
    }
  return false;
}

static Program *cur_prog;
static IrProgram *cur_ir;

/* ---- scopes ------------------------------------------------------------------------ */

/* The blocks of a function body that declare variables, as lexical blocks:
 * a `for` with a declaration and a `{ }` with one are scopes; their
 * extent is the lines from the statement's first to the last line of
 * anything inside, and their code is the instructions whose line lies in
 * that extent (with the cold stubs of those instructions), so that a
 * variable of a block is found only there, and two loops' `i` are two
 * variables.  A block of declarations only (the checker's wrapping of a
 * declaration as a statement, or a `for`'s initialisation) is not a
 * scope of its own. */
typedef struct Scope Scope;
struct Scope {
  const char *file;
  int lo, hi;                     /* lines */
  Vec vars;                       /* Obj* */
  Vec kids;                       /* Scope* */
  int id;                         /* its place in the walk (an inlined copy's block names
                                     the abstract instance's by it) */
};

static int scope_count;

static int max_line(Node *n);

/* The largest line in a list linked by `next` (statements, arguments). */
static int max_line_list(Node *n) {
  int m = 0;
  for (; n; n = n->next) {
    int k = max_line(n);
    if (k > m)
      m = k;
  }
  return m;
}

/* The largest line in N and everything inside it. */
static int max_line(Node *n) {
  if (!n)
    return 0;
  int m = n->loc.line;
  Node *sub[] = {n->lhs, n->rhs, n->cond, n->then, n->els, n->init, n->inc};
  for (size_t i = 0; i < sizeof sub / sizeof *sub; i++) {
    int k = max_line(sub[i]);
    if (k > m)
      m = k;
  }
  int k = max_line_list(n->body);
  if (k > m)
    m = k;
  k = max_line_list(n->args);
  return k > m ? k : m;
}

static Scope *new_scope(Node *n, Scope *parent) {
  Scope *sc = xmalloc(sizeof *sc);
  sc->file = n->loc.file ? n->loc.file : source_file;
  sc->lo = n->loc.line;
  sc->hi = max_line(n);
  sc->id = ++scope_count;
  vec_push(&parent->kids, sc);
  return sc;
}

static bool only_decls(Node *b) {
  for (Node *s = b->body; s; s = s->next)
    if (s->kind != ND_DECL)
      return false;
  return true;
}

static void scope_walk(Node *n, Scope *cur) {
  if (!n)
    return;
  switch (n->kind) {
  case ND_BLOCK: {
    Scope *in = only_decls(n) ? cur : new_scope(n, cur);
    for (Node *s = n->body; s; s = s->next)
      scope_walk(s, in);
    return;
  }
  case ND_DECL:
    if (n->obj)
      vec_push(&cur->vars, n->obj);
    return;
  case ND_FOR: {
    Scope *in = new_scope(n, cur);
    scope_walk(n->init, in);
    scope_walk(n->then, in);
    return;
  }
  case ND_IF:
    scope_walk(n->then, cur);
    scope_walk(n->els, cur);
    return;
  case ND_WHILE: case ND_DO: case ND_SWITCH: case ND_CASE: case ND_DEFAULT: case ND_LABEL:
    scope_walk(n->then, cur);
    return;
  default:
    return;
  }
}

/* The scopes being written are those of the function's own code (NULL)
 * or of the copy of an inlined call (dwarf.c "inlined calls"). */
static IrInline *scope_ctx;

/* Whether IN is code of the scopes being written (the copy's, or within it). */
static bool in_ctx(const IrInst *in) {
  if (!scope_ctx)
    return true;
  for (const IrInline *x = in->inl; x; x = x->parent)
    if (x == scope_ctx)
      return true;
  return false;
}

/* The place of IN (in_ctx) in the code of the scopes being written: its
 * own, or for a copy of a call inlined there, that call's place. */
static Loc level_loc(const IrInst *in) {
  const IrInline *r = in->inl;
  if (r == scope_ctx)
    return in->loc;
  while (r->parent != scope_ctx)
    r = r->parent;
  return r->call;
}

static bool in_scope(Scope *sc, Loc l) {
  const char *file = l.file ? l.file : source_file;
  return l.line >= sc->lo && l.line <= sc->hi && !strcmp(file, sc->file);
}

/* SC's code as a .debug_ranges list; false when it has none. */
static bool scope_ranges(IrFunc *f, Scope *sc, const char *label) {
  Buf r = {0};
  int n = 0;
  for (int b = 0; b < f->nblocks; b++) {
    IrBlock *bl = f->blocks[b];
    int open = -1;
    for (int i = 0; i <= bl->n; i++) {
      bool in = i < bl->n && bl->ins[i].op != IR_NOP && in_ctx(&bl->ins[i]) &&
                in_scope(sc, level_loc(&bl->ins[i]));
      if (in && open < 0)
        open = i;
      if (!in && open >= 0) {
        buf_printf(&r, "\t.long %s-%s, %s-%s\n", i386_dwarf_label(f->name, b, open), text0,
                   i386_dwarf_label(f->name, b, i), text0);
        n++;
        open = -1;
      }
    }
  }
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++) {
      IrInst *in = &f->blocks[b]->ins[i];
      if (in->op != IR_NOP && i386_dwarf_stub_owner(in) && in_ctx(in) && in_scope(sc, level_loc(in))) {
        buf_printf(&r, "\t.long %s-%s, %s-%s\n", i386_dwarf_stub_label(f->name, b, i, false), text0,
                   i386_dwarf_stub_label(f->name, b, i, true), text0);
        n++;
      }
    }
  if (n)
    buf_printf(&ranges, "%s:\n%s\t.long 0, 0\n", label, r.s);
  free(r.s);
  return n > 0;
}

static bool scope_has_vars(Scope *sc) {
  if (sc->vars.len)
    return true;
  for (int i = 0; i < sc->kids.len; i++)
    if (scope_has_vars(sc->kids.v[i]))
      return true;
  return false;
}

/* ---- inlined calls ------------------------------------------------------------------ */

/* Each function inlined somewhere has one abstract instance, .Lcuckoo_absK,
 * its variables .Lcuckoo_absK_I (I: the place in its `locals`); each copy
 * is a DW_TAG_inlined_subroutine naming it, where the call was, with the
 * copy's code (the instructions and stubs copied from it, also within
 * copies of other functions inlined into it) as its ranges, the copy's
 * variables where the copy keeps them, and the calls inlined into it
 * nested inside.  The out-of-line function, if any, stays as it is. */
static Vec abstracts;             /* Obj*: the functions inlined, in order of first copy */

static int abstract_of(Obj *fn) {
  for (int i = 0; i < abstracts.len; i++)
    if (abstracts.v[i] == fn)
      return i;
  vec_push(&abstracts, fn);
  return abstracts.len - 1;
}

static bool described(Obj *v) { return is_identifier(v->name) && type_ref(v->ty); }

/* FO's scopes under ROOT: its parameters and body's variables, then its blocks'. */
static void build_scopes(Obj *fo, Scope *root) {
  memset(root, 0, sizeof *root);
  scope_count = 0;
  for (Obj *v = fo->locals; v && v->is_param; v = v->next)
    vec_push(&root->vars, v);
  if (fo->body && fo->body->kind == ND_BLOCK) {
    for (Node *st = fo->body->body; st; st = st->next)
      scope_walk(st, root);
  } else {
    scope_walk(fo->body, root);
  }
}

/* The abstract instance K's variables in SC, .Lcuckoo_absK_I each (I: the
 * place in `locals`), a block of them .Lcuckoo_absK_bID, as write_scope
 * writes a copy's. */
static void write_abstract_scope(int k, Scope *sc, bool root) {
  if (!root && !scope_has_vars(sc))
    return;
  bool block = !root && sc->vars.len;
  if (block) {
    buf_printf(&info, ".Lcuckoo_abs%d_b%d:\n", k, sc->id);
    put_uleb(&info, AB_ABSTRACT_BLOCK);
  }
  Obj *fo = abstracts.v[k];
  for (int j = 0; j < sc->vars.len; j++) {
    Obj *v = sc->vars.v[j];
    if (!described(v))
      continue;
    int i = 0;
    for (Obj *u = fo->locals; u && u != v; u = u->next)
      i++;
    buf_printf(&info, ".Lcuckoo_abs%d_%d:\n", k, i);
    put_uleb(&info, v->is_param ? AB_PARAM_NOLOC : AB_VAR_NOLOC);
    put_decl(&info, v->name, v->loc);
    put_ref(&info, type_ref(v->ty));
  }
  for (int j = 0; j < sc->kids.len; j++)
    write_abstract_scope(k, sc->kids.v[j], false);
  if (block)
    put_u8(&info, 0);
}

static void write_abstract(int k) {
  Obj *fo = abstracts.v[k];
  const char *rt = type_ref(fo->ty->base);
  buf_printf(&info, ".Lcuckoo_abs%d:\n", k);
  put_uleb(&info, rt ? AB_ABSTRACT : AB_ABSTRACT_VOID);
  put_u8(&info, fo->is_static ? 0 : 1);
  put_decl(&info, fo->name, fo->loc);
  if (rt)
    put_ref(&info, rt);
  put_u8(&info, INL_inlined);
  Scope root;
  build_scopes(fo, &root);
  write_abstract_scope(k, &root, true);
  /* its static variables, shared by every copy */
  for (int i = 0; i < cur_ir->nfuncs; i++)
    if (cur_ir->funcs[i]->obj == fo && !cur_ir->funcs[i]->is_thunk)
      for (Obj *g = cur_prog->globals; g; g = g->next)
        if (!g->is_function && !g->is_string && g->is_definition && is_static_local(g) &&
            refers_to(cur_ir->funcs[i], g->asmname))
          write_global(g);
  put_u8(&info, 0);
}

static bool inside(const IrInline *x, const IrInline *r) {
  for (; x; x = x->parent)
    if (x == r)
      return true;
  return false;
}

/* R's code as a .debug_ranges list LABEL, its entry's range first (gdb
 * 13 takes a block's entry from its first range; .debug_ranges has no
 * order of its own), the entry being in *ENTRY; false when it has none.
 * The entry is the instruction that inline.c marked first of the copy
 * (as a NOP, once deleted, its label is where the code after it begins),
 * or without one the first of R's code in layout order. */
static bool inline_ranges(IrFunc *f, IrInline *r, const char *label, const char **entry) {
  *entry = NULL;
  int eb = -1, ei = -1;
  for (int k = 0; k < f->nblocks && eb < 0; k++)
    for (int i = 0; i < f->blocks[k]->n && eb < 0; i++)
      if (f->blocks[k]->ins[i].inl_entry && inside(f->blocks[k]->ins[i].inl, r))
        eb = k, ei = i;
  Buf first = {0}, rest = {0};
  int n = 0;
  /* a range may go on into the next block: only labels lie between */
  const char *open = NULL;
  bool open_first = false;
#define CLOSE(end)                                                                                 \
  do {                                                                                             \
    buf_printf(open_first ? &first : &rest, "\t.long %s-%s, %s-%s\n", open, text0, end, text0);    \
    if (!*entry)                                                                                   \
      *entry = open;                                                                               \
    n++;                                                                                           \
    open = NULL;                                                                                   \
  } while (0)
  for (int k = 0; k < f->nblocks; k++) {
    IrBlock *bl = f->blocks[k];
    for (int i = 0; i < bl->n; i++) {
      if (k == eb && i == ei) {
        /* the entry begins a range, the first one */
        if (open)
          CLOSE(i386_dwarf_label(f->name, k, i));
        open = i386_dwarf_label(f->name, k, i);
        open_first = true;
        *entry = open;
        continue;
      }
      if (bl->ins[i].op == IR_NOP)
        continue;                 /* no code: neither begins nor ends a range */
      bool in = inside(bl->ins[i].inl, r);
      if (in && !open) {
        open = i386_dwarf_label(f->name, k, i);
        open_first = false;
      }
      if (!in && open)
        CLOSE(i386_dwarf_label(f->name, k, i));
    }
  }
  if (open)
    CLOSE(i386_dwarf_label(f->name, f->nblocks - 1, f->blocks[f->nblocks - 1]->n));
#undef CLOSE
  for (int k = 0; k < f->nblocks; k++)
    for (int i = 0; i < f->blocks[k]->n; i++) {
      IrInst *in = &f->blocks[k]->ins[i];
      if (in->op != IR_NOP && i386_dwarf_stub_owner(in) && inside(in->inl, r)) {
        buf_printf(&rest, "\t.long %s-%s, %s-%s\n", i386_dwarf_stub_label(f->name, k, i, false), text0,
                   i386_dwarf_stub_label(f->name, k, i, true), text0);
        n++;
      }
    }
  if (n && *entry)
    buf_printf(&ranges, "%s:\n%s%s\t.long 0, 0\n", label, first.s ? first.s : "", rest.s ? rest.s : "");
  free(first.s);
  free(rest.s);
  return n > 0 && *entry;
}

/* The copy R: its variables in its callee's scopes, and
 * the calls inlined into it, each in the innermost of those around it. */
static void write_scope(I386Func *cx, Liveness *L, int *defs, Scope *sc, bool root);
static void write_inl_var(I386Func *cx, Liveness *L, Obj *v);

static void write_inlined(I386Func *cx, Liveness *L, IrInline *r) {
  IrFunc *f = cx->f;
  const char *label = format(".Lcuckoo_ranges%d", range_lists++);
  const char *entry;
  if (!inline_ranges(f, r, label, &entry))
    return;                       /* nothing of it is left */
  int k = abstract_of(r->callee);
  put_uleb(&info, AB_INLINED);
  buf_printf(&info, "\t.long .Lcuckoo_abs%d-.Lcuckoo_info0\n", k);
  buf_printf(&info, "\t.long %s\n\t.long %s\n", entry, label);
  put_uleb(&info, decl_file(r->call));
  put_uleb(&info, r->call.line > 0 ? r->call.line : 0);
  put_uleb(&info, r->call.col > 0 ? r->call.col : 0);
  /* the callee's parameters and variables, by its scopes, and the calls
   * inlined into it */
  Scope root;
  build_scopes(r->callee, &root);
  IrInline *outer = scope_ctx;
  scope_ctx = r;
  write_scope(cx, L, NULL, &root, true);
  scope_ctx = outer;
  put_u8(&info, 0);
}

/* Variable V of the copy scope_ctx: where the copy keeps it. */
static void write_inl_var(I386Func *cx, Liveness *L, Obj *v) {
  IrFunc *f = cx->f;
  IrInline *r = scope_ctx;
  int i = 0;
  while (i < r->nvars && r->vars[i].var != v)
    i++;
  if (i == r->nvars || !described(v))
    return;
  int k = abstract_of(r->callee);
  int pos = 0;
  for (Obj *u = r->callee->locals; u && u != v; u = u->next)
    pos++;
  const char *origin = format(".Lcuckoo_abs%d_%d", k, pos);
  bool param = v->is_param;
  Oper w = r->vars[i].where;
  if (w.kind == OK_TEMP && w.temp >= 0 && w.temp < f->ntemps) {
    const char *list = format(".Lcuckoo_loc%d", loc_lists++);
    if (temp_loclist(cx, L, w.temp, list)) {
      put_uleb(&info, param ? AB_INL_PARAM_LIST : AB_INL_VAR_LIST);
      put_ref(&info, origin);
      buf_printf(&info, "\t.long %s\n", list);
      return;
    }
  } else if (w.kind == OK_SLOT && w.slot >= 0 && w.slot < f->nslots) {
    /* a slot of the copy: written by the copy before it is read */
    Expr e = fbreg((long long)f->slots[w.slot].offset + lead(v->ty));
    put_uleb(&info, param ? AB_INL_PARAM : AB_INL_VAR);
    put_ref(&info, origin);
    put_exprloc(&info, &e);
    return;
  } else if (w.kind == OK_IMM) {
    put_uleb(&info, param ? AB_INL_PARAM_CONST : AB_INL_VAR_CONST);
    put_ref(&info, origin);
    put_sleb(&info, w.imm);
    return;
  }
  put_uleb(&info, param ? AB_INL_PARAM_NOLOC : AB_INL_VAR_NOLOC);
  put_ref(&info, origin);
}

static bool *inl_done;            /* per inlines[] of the function being written */

static void write_scope(I386Func *cx, Liveness *L, int *defs, Scope *sc, bool root) {
  if (!root) {
    if (!scope_has_vars(sc))
      return;
    if (sc->vars.len) {
      const char *label = format(".Lcuckoo_ranges%d", range_lists++);
      if (!scope_ranges(cx->f, sc, label))
        return;                   /* no code: nothing to show */
      if (scope_ctx) {
        put_uleb(&info, AB_INL_BLOCK);
        buf_printf(&info, "\t.long .Lcuckoo_abs%d_b%d-.Lcuckoo_info0\n", abstract_of(scope_ctx->callee), sc->id);
      } else {
        put_uleb(&info, AB_BLOCK);
      }
      buf_printf(&info, "\t.long %s\n", label);
    }
  }
  for (int i = 0; i < sc->vars.len; i++)
    if (scope_ctx)
      write_inl_var(cx, L, sc->vars.v[i]);
    else
      write_local(cx, L, sc->vars.v[i], defs);
  for (int i = 0; i < sc->kids.len; i++)
    write_scope(cx, L, defs, sc->kids.v[i], false);
  /* the calls inlined here (and not in a block inside) */
  IrFunc *f = cx->f;
  for (int j = 0; j < f->inlines.len; j++) {
    IrInline *r = f->inlines.v[j];
    if (r->parent != scope_ctx || inl_done[j] || (!root && !in_scope(sc, r->call)))
      continue;
    inl_done[j] = true;
    write_inlined(cx, L, r);
  }
  if (!root && sc->vars.len)
    put_u8(&info, 0);
}

static void write_function(I386Func *cx) {
  IrFunc *f = cx->f;
  Obj *fo = f->obj;
  const char *rt = type_ref(fo->ty->base);
  put_uleb(&info, rt ? AB_SUBPROGRAM : AB_SUBPROGRAM_VOID);
  put_u8(&info, fo->is_static ? 0 : 1);
  /* the user's main under its source name (its symbol is __cuckoo_main),
   * so `break main` finds it and backtraces end there; no
   * DW_AT_linkage_name: gdb would name a C function after it */
  put_decl(&info, fo->name, fo->loc);
  if (rt)
    put_ref(&info, rt);
  buf_printf(&info, "\t.long %s\n\t.long .L%s.dwarf_end-%s\n", f->name, f->name, f->name);
  Expr fb = {.n = 0};
  ex_u8(&fb, OP_call_frame_cfa);
  put_exprloc(&info, &fb);

  Liveness L;
  liveness(f, &L);
  int *defs = xmalloc(sizeof(int) * (f->ntemps + 1));
  memset(defs, 0, sizeof(int) * (f->ntemps + 1));
  for (int b = 0; b < f->nblocks; b++)
    for (int i = 0; i < f->blocks[b]->n; i++)
      if (f->blocks[b]->ins[i].dst >= 0)
        defs[f->blocks[b]->ins[i].dst]++;
  /* the parameters and the body's own variables, then the blocks' */
  Scope root;
  build_scopes(fo, &root);
  inl_done = xmalloc(f->inlines.len + 1);
  memset(inl_done, 0, f->inlines.len + 1);
  write_scope(cx, &L, defs, &root, true);
  free(inl_done);
  inl_done = NULL;
  /* its static variables, found under their names in it only */
  for (Obj *g = cur_prog->globals; g; g = g->next)
    if (!g->is_function && !g->is_string && g->is_definition && is_static_local(g) &&
        refers_to(f, g->asmname))
      write_global(g);
  put_u8(&info, 0);
  free(defs);
  free(L.bpos);
  free(L.live);
}

static void write_global(Obj *g) {
  const char *tr = type_ref(g->ty);
  if (!tr || !is_identifier(g->name))
    return;
  put_uleb(&info, AB_GLOBAL);
  put_decl(&info, g->name, g->loc);
  put_ref(&info, tr);
  put_u8(&info, g->is_static ? 0 : 1);
  /* DW_OP_addr SYM (+ 4 for an array: its element 0) */
  const char *sym = g->asmname ? g->asmname : g->name;
  put_uleb(&info, 5);
  buf_printf(&info, "\t.byte %d\n\t.long %s+%d\n", OP_addr, sym, lead(g->ty));
}

/* ---- the unit ------------------------------------------------------------------------- */

void i386_dwarf_program(FILE *o, IrProgram *ir, I386Func **cxs, const char *source_name) {
  source_file = source_name;
  cur_prog = ir->prog;
  cur_ir = ir;
  memset(&info, 0, sizeof info);
  memset(&types, 0, sizeof types);
  memset(&loc, 0, sizeof loc);
  memset(&ranges, 0, sizeof ranges);
  ntdies = nwritten = loc_lists = range_lists = 0;

  text0 = NULL;
  for (int i = 0; i < ir->nfuncs; i++)
    if (!text0)
      text0 = ir->funcs[i]->name;
  /* the end of .text: each function ends with its .L<name>.dwarf_end */
  if (text0)
    fprintf(o, "\t.text\n.Lcuckoo_text_end:\n");

  /* globals: every variable defined here, and every one declared here
   * and used (an extern's DIE tells gdb its type) */
  for (Obj *g = ir->prog->globals; g; g = g->next) {
    if (g->is_function || g->is_tls || g->is_string || g->is_runtime)
      continue;
    if (!g->is_definition || is_static_local(g))
      continue;                   /* a static local is its function's */
    write_global(g);
  }
  /* the abstract instances of the functions inlined, then the functions */
  memset(&abstracts, 0, sizeof abstracts);
  for (int i = 0; i < ir->nfuncs; i++)
    if (!ir->funcs[i]->is_thunk && ir->funcs[i]->obj)
      for (int j = 0; j < ir->funcs[i]->inlines.len; j++)
        abstract_of(((IrInline *)ir->funcs[i]->inlines.v[j])->callee);
  for (int k = 0; k < abstracts.len; k++)
    write_abstract(k);
  for (int i = 0; i < ir->nfuncs; i++) {
    IrFunc *f = ir->funcs[i];
    if (f->is_thunk || !f->obj)
      continue;
    write_function(cxs[i]);
  }
  free(abstracts.v);
  memset(&abstracts, 0, sizeof abstracts);
  for (int i = 0; i < ir->prog->typedefs.len; i++) {
    Obj *td = ir->prog->typedefs.v[i];
    const char *r = type_ref(td->ty);
    if (!r)
      continue;
    put_uleb(&info, AB_TYPEDEF);
    put_decl(&info, td->name, td->loc);
    put_ref(&info, r);
  }
  write_types();

  write_abbrevs(o);
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd))
    strcpy(cwd, ".");
  Buf head = {0};
  put_uleb(&head, text0 ? AB_CU : AB_CU_NOCODE);
  put_string(&head, "cuckoo-cc " PACKAGE_VERSION);
  put_u8(&head, LANG_C99);
  put_string(&head, source_name);
  put_string(&head, cwd);
  if (text0)
    buf_printf(&head, "\t.long %s\n\t.long .Lcuckoo_text_end-%s\n", text0, text0);
  buf_printf(&head, "\t.long .Lcuckoo_line0\n");

  fprintf(o, "\t.section .debug_info,\"\",@progbits\n.Lcuckoo_info0:\n");
  fprintf(o, "\t.long .Lcuckoo_info_end-.Lcuckoo_info_start\n.Lcuckoo_info_start:\n");
  fprintf(o, "\t.value 4\n\t.long .Lcuckoo_abbrev0\n\t.byte 4\n");
  fputs(head.s, o);
  if (info.s)
    fputs(info.s, o);
  if (types.s)
    fputs(types.s, o);
  fprintf(o, "\t.byte 0\n.Lcuckoo_info_end:\n");
  if (loc.s)
    fprintf(o, "\t.section .debug_loc,\"\",@progbits\n%s", loc.s);
  if (ranges.s)
    fprintf(o, "\t.section .debug_ranges,\"\",@progbits\n%s", ranges.s);
  fprintf(o, "\t.section .debug_line,\"\",@progbits\n.Lcuckoo_line0:\n");
  free(head.s);
}
