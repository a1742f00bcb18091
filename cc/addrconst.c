/* addrconst.c -- the layout of addresses, and address constants.
 *
 * One definition of where an lvalue's address points (§4: an array's
 * address is its element 0, past its length word; a first-member view of
 * a struct whose first member is an array points at that element 0), used
 * by lowering for run-time addresses and by the static-data writer for
 * address constants, so a static initializer can never point where the
 * same expression would not point at run time.
 *
 * A static initializer has no run time at which to trap (§4), so the
 * evaluator refuses what it cannot prove at compile time: an index into an
 * array whose length is not in its type, an index out of range, anything
 * that reads memory. */
#include "cc.h"

#include <string.h>

/* The offset of member M's address inside its struct: element 0 for an
 * array member. */
long long layout_member_offset(const Member *m) {
  return m->offset + (m->ty->kind == TY_ARRAY ? CK_LEN_WORD_SIZE : 0);
}

/* The offset of element I's address inside an array of ELEM, from the
 * array's element 0; I must be in range.  An element that is itself an
 * array is addressed at its own element 0. */
long long layout_element_offset(const Type *elem, long long i) {
  return i * elem->size + (elem->kind == TY_ARRAY ? CK_LEN_WORD_SIZE : 0);
}

/* What a cast from pointer type FROM to pointer type TO adds to a
 * non-null address: §8's first-member view of a struct whose first
 * member is an array points at its element 0. */
long long layout_view_offset(const Type *to, const Type *from) {
  if (to->kind == TY_PTR && from->kind == TY_PTR && to->base->kind == TY_ARRAY &&
      is_struct_or_union((Type *)from->base))
    return CK_LEN_WORD_SIZE;
  return 0;
}

static bool refuse(AddrConst *out, Node *n, const char *why) {
  out->bad = n;
  out->why = why;
  return false;
}

/* The static lvalue N: its object and the offset of its address. */
static bool lvalue_const(Node *n, AddrConst *out) {
  switch (n->kind) {
  case ND_VAR:
    if (n->obj->is_local)
      return refuse(out, n, "the address of an automatic variable is not a constant");
    out->obj = n->obj;
    out->off = n->obj->ty->kind == TY_ARRAY ? CK_LEN_WORD_SIZE : 0;
    return true;
  case ND_MEMBER:
    if (!lvalue_const(n->lhs, out))
      return false;
    out->off += layout_member_offset(n->member);
    return true;
  case ND_INDEX: {
    Type *arr = n->lhs->ty;
    long long i;
    if (!lvalue_const(n->lhs, out))
      return false;
    if (!eval_const(n->rhs, &i))
      return refuse(out, n->rhs, "an index in a static initializer must be a constant");
    if (arr->len < 0)
      return refuse(out, n, "cannot index an array whose length is not in its type in a static "
                            "initializer: the index cannot be proved in range at compile time; "
                            "give the array's declaration its length, or set the pointer at run "
                            "time");
    if (i < 0 || i >= arr->len)
      return refuse(out, n->rhs, "the index is out of range of the array");
    out->off += layout_element_offset(arr->base, i);
    return true;
  }
  case ND_DEREF:
    /* *&lv is lv; any other dereference reads memory */
    if (n->lhs->kind == ND_ADDR)
      return lvalue_const(n->lhs->lhs, out);
    if (n->lhs->kind == ND_CAST)
      return refuse(out, n, "a dereference of a cast is not a constant address");
    return refuse(out, n, "the initializer of a static object must be a constant: this reads "
                          "a pointer at run time");
  default:
    return refuse(out, n, "the initializer of a static object must be a constant");
  }
}

bool addr_const(Node *n, AddrConst *out) {
  memset(out, 0, sizeof *out);
  switch (n->kind) {
  case ND_NULL:
    return true;
  case ND_NUM:
    if (n->ival == 0)
      return true;
    return refuse(out, n, "the only integer that converts to a pointer is 0");
  case ND_VAR:
    if (n->obj->is_function) {
      out->obj = n->obj;
      return true;
    }
    return refuse(out, n, "the initializer of a static object must be a constant");
  case ND_ADDR:
    if (n->lhs->kind == ND_VAR && n->lhs->obj->is_function) {
      out->obj = n->lhs->obj;
      return true;
    }
    return lvalue_const(n->lhs, out);
  case ND_CAST:
    if (n->ty->kind != TY_PTR || n->lhs->ty->kind != TY_PTR)
      return refuse(out, n, "the initializer of a static object must be a constant");
    if (n->check_len)
      return refuse(out, n, "a cast that checks an array's length at run time cannot be "
                            "proved in a static initializer; cast from a pointer to an array "
                            "of known length");
    if (!addr_const(n->lhs, out))
      return false;
    if (out->obj)                  /* NULL stays NULL */
      out->off += layout_view_offset(n->ty, n->lhs->ty);
    return true;
  default:
    return refuse(out, n, "the initializer of a static object must be a constant");
  }
}
