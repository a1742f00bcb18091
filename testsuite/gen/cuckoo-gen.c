/* cuckoo-gen -- a random program generator for cuckoo-cc.
 *
 * Usage: cuckoo-gen SEED DIR   writes DIR/gen-SEED.ck (the program),
 *        DIR/gen-SEED.out (its expected standard output) and
 *        DIR/gen-SEED.trap (the expected start of the runtime error's
 *        "KIND: DETAIL", empty when the program must exit 0).
 *
 * The generator is its own oracle: it keeps a model of every object of the
 * program (int cells, arrays with their lengths, pointers to arrays, to
 * ints and to structs) and evaluates each expression while it writes it,
 * in the order LANGUAGE.md section 2 gives: left to right, and in E1 = E2
 * and E1 op= E2 the object E1 designates is found and checked before E2 is
 * evaluated and the store goes there.  The untaken arm of ?: and if/else is
 * written from a snapshot of the model that is then thrown away.  Programs
 * concentrate on what has broken before: right sides that change the left
 * side's base (p[i] = (p = q, v), a[i] = (i = k, v), through calls, ?:,
 * comma, ++), struct values from calls and ?:, arrays in structs, pointers
 * to arrays of several lengths, loops, new/delete, and indexes out of range
 * at chosen points.  Every array sits between canary words, which the
 * program checks at its end, and the program prints a checksum of all of
 * its state.  Only C99 and the C library: built by `make check`. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- random numbers (xorshift64*, deterministic for a seed) ---- */
static uint64_t rng;
static uint32_t rnd(void)
{
    rng ^= rng >> 12; rng ^= rng << 25; rng ^= rng >> 27;
    return (uint32_t) ((rng * 2685821657736338717ULL) >> 32);
}
static int pick(int n) { return (int) (rnd() % (uint32_t) n); }
static int chance(int pct) { return pick(100) < pct; }

/* ---- text ---- */
static char *text; static size_t textcap;
static char *expect; static size_t expectcap;

/* ---- the model ---- */
#define MAXCELL 4096
#define MAXARR 96
struct array { int base, len, local, alive; char lv[24], ptr[24]; };
struct pval { int arr, tlen; };          /* arr -1: NULL; tlen 0: T (*)[] */
enum { I0, I1, I2, GI, NIVAR };
enum { P0, P1, GP, Q5, NPVAR };
struct state {
    int32_t mem[MAXCELL]; int ncell;
    struct array arr[MAXARR]; int narr;
    int ivar[NIVAR];                     /* the cells of the int variables */
    struct pval pv[NPVAR];
    int ip;                              /* cell, or -1 */
    int sp;                              /* struct index, or -1 */
    size_t textlen, expectlen;
    int dead;                            /* the program has trapped */
    int hn;                              /* the array hn points to */
};
static struct state st;
static const char *ivname[NIVAR] = { "i0", "i1", "i2", "gi" };
static const char *pvname[NPVAR] = { "p0", "p1", "gp", "q5" };

/* Structs S { int lo; int a[4]; int v; int hi; }: gs0 gs1 (*hs) s0 s1. */
enum { GS0, GS1, HS, S0, S1, NSTRUCT };
static const char *sname[NSTRUCT] = { "gs0", "gs1", "(*hs)", "s0", "s1" };
static int sbase[NSTRUCT], sarr[NSTRUCT];
#define CANARY_S 0x5eed5eed
/* Boxes: struct Bn { int lo; int a[n]; int hi; }. */
enum { GB3, GB5, GB7, LB5, HB7, NBOX };
static const char *bname[NBOX] = { "gb3", "gb5", "gb7", "lb5", "(*hb7)" };
static const int blen[NBOX] = { 3, 5, 7, 5, 7 };
static int bbase[NBOX], barr[NBOX];
#define hn_arr st.hn
/* pk(k) returns the k-th of these (all reachable from globals) */
static int pk_arr(int k)
{
    switch (k) {
    case 0: return barr[GB3]; case 1: return barr[GB5];
    case 2: return barr[GB7]; case 3: return sarr[GS0];
    case 4: return sarr[GS1]; case 5: return barr[HB7];
    case 6: return hn_arr; default: return sarr[HS];
    }
}
#define NPK 8

static int dry;                          /* writing an arm that will not run */
/* -k: keep out of the class of bugs known in December 2026 (issue 7,
   class 1 and 2): a right side that changes a local the left side's
   address came from, and &*p of a NULL p.  Lets a run look for others. */
static int avoid_known, rhs;
static int uses_known;                   /* the program has such a construct */
static int want_trap;                    /* an out-of-range index may come now */
static char trap_line[128];
static int watch[16], watched[16], nwatch;

static void emit(const char *fmt, ...)
{
    va_list ap; int n;
    for (;;) {
        va_start(ap, fmt);
        n = vsnprintf(text + st.textlen, textcap - st.textlen, fmt, ap);
        va_end(ap);
        if ((size_t) n < textcap - st.textlen) break;
        textcap = textcap * 2 + (size_t) n + 64;
        text = realloc(text, textcap);
        if (!text) { perror("cuckoo-gen"); exit(2); }
    }
    st.textlen += (size_t) n;
}
static void out(const char *fmt, ...)
{
    va_list ap; int n;
    if (st.dead) return;
    for (;;) {
        va_start(ap, fmt);
        n = vsnprintf(expect + st.expectlen, expectcap - st.expectlen, fmt, ap);
        va_end(ap);
        if ((size_t) n < expectcap - st.expectlen) break;
        expectcap = expectcap * 2 + (size_t) n + 64;
        expect = realloc(expect, expectcap);
        if (!expect) { perror("cuckoo-gen"); exit(2); }
    }
    st.expectlen += (size_t) n;
}
static void trap(const char *line)
{
    if (st.dead) return;
    snprintf(trap_line, sizeof trap_line, "%s", line);
    st.dead = 1;
    want_trap = 0;
}
static int32_t rd(int cell) { return st.mem[cell]; }
static void wr(int cell, int32_t v)
{
    if (st.dead) return;
    for (int k = 0; k < nwatch; k++)
        if (watch[k] == cell) watched[k] = 1;
    st.mem[cell] = v;
}
static int new_cells(int n)
{
    int b = st.ncell;
    if (st.ncell + n > MAXCELL) { fprintf(stderr, "cuckoo-gen: out of cells\n"); exit(2); }
    memset(st.mem + b, 0, (size_t) n * sizeof st.mem[0]);
    st.ncell += n;
    return b;
}
static int new_array(int base, int len, int local, const char *lv, const char *ptr)
{
    struct array *a = &st.arr[st.narr];
    if (st.narr == MAXARR) { fprintf(stderr, "cuckoo-gen: out of arrays\n"); exit(2); }
    a->base = base; a->len = len; a->local = local; a->alive = 1;
    snprintf(a->lv, sizeof a->lv, "%s", lv ? lv : "");
    snprintf(a->ptr, sizeof a->ptr, "%s", ptr ? ptr : "");
    return st.narr++;
}
static int viewlen(struct pval p) { return p.tlen ? p.tlen : st.arr[p.arr].len; }
static int pvar_local(int v) { return v == P0 || v == Q5; }

/* A snapshot: everything but the text (for an arm that will not run). */
static struct state *save(void)
{
    struct state *s = malloc(sizeof *s);
    if (!s) { perror("cuckoo-gen"); exit(2); }
    *s = st;
    return s;
}
static void restore_keep_text(struct state *s)
{
    size_t t = st.textlen;
    st = *s; st.textlen = t;
    free(s);
}
static void restore_all(struct state *s) { st = *s; free(s); }

/* ---- integer arithmetic as Cuckoo defines it (i386, wrapping) ---- */
static int32_t wrap(uint32_t v) { return (int32_t) v; }
static int32_t binop(int op, int32_t a, int32_t b)
{
    uint32_t ua = (uint32_t) a, ub = (uint32_t) b;
    switch (op) {
    case '+': return wrap(ua + ub);
    case '-': return wrap(ua - ub);
    case '*': return wrap(ua * ub);
    case '^': return a ^ b;
    case '&': return a & b;
    case '|': return a | b;
    case '<': return wrap(ua << (ub & 31));
    case '>': return (a < 0) ? ~(int32_t) (~ua >> (ub & 31)) : (int32_t) (ua >> (ub & 31));
    case '/': return a / b;              /* b is a constant 2..7 */
    case '%': return a % b;
    case 'l': return a < b;
    case 'e': return a == b;
    default: abort();
    }
}
static const char *opstr(int op)
{
    switch (op) {
    case '<': return "<<"; case '>': return ">>"; case 'l': return "<";
    case 'e': return "=="; default: { static char s[2]; s[0] = (char) op; return s; }
    }
}
static const char cops[] = "+-*^&|<>";   /* compound assignment operators */

/* ---- generation ---- */
static int32_t gen_int(int d);
static struct pval gen_ptr(int d, int allow_local, int nonnull);
static int gen_lv(int d, int *cell);
static int taking_addr;
static int gen_struct_value(int d, int allow_rvalue);

static int32_t small_const(void)
{
    static const int32_t k[] = { 0, 1, 2, 3, 7, -1, -5, 100, 0x7fffffff, -2147483647 - 1, 65535, 12345 };
    return chance(60) ? pick(20) - 5 : k[pick((int) (sizeof k / sizeof k[0]))];
}
static void emit_const(int32_t v)
{
    if (v == -2147483647 - 1) emit("(-2147483647 - 1)");
    else if (v < 0) emit("(%d)", v);
    else emit("%d", v);
}

/* Text with side effects whose value is exactly v (an index, a pk key). */
static void gen_forced(int d, int32_t v, int nonconst)
{
    int c = pick(nonconst ? 8 : 9);
    if (d > 3 || (nonconst && c == 6)) c = nonconst ? 0 : 8;
    switch (c) {
    case 0: emit("id("); emit_const(v); emit(")"); break;
    case 1: {                            /* (i0 = v) and friends */
        int iv = pick(NIVAR);
        emit("(%s = ", ivname[iv]); emit_const(v); emit(")");
        wr(st.ivar[iv], v); break;
    }
    case 2: emit("set_gi("); emit_const(v); emit(")"); wr(st.ivar[GI], v); break;
    case 3: emit("("); gen_int(d + 1); emit(", "); emit_const(v); emit(")"); break;
    case 4: emit("id(("); gen_int(d + 1); emit(") * 0 + "); emit_const(v); emit(")"); break;
    case 5: {
        int cell;
        emit("set_int(&");
        taking_addr = 1; gen_lv(d + 1, &cell);
        emit(", ");
        emit_const(v); emit(")");
        if (cell >= 0) wr(cell, v);
        break;
    }
    case 6: {                            /* (c ? v : other) with c known */
        int32_t c0;
        emit("(");
        c0 = gen_int(d + 1);
        emit(" ? ");
        if (c0) { gen_forced(d + 1, v, 0); emit(" : "); emit("%d", pick(3)); }
        else { emit("%d", pick(3)); emit(" : "); gen_forced(d + 1, v, 0); }
        emit(")");
        break;
    }
    case 7: {                            /* (p1 = ..., v): the base of an outer p1[...] moves */
        int k = pick(NPK);
        if (chance(50)) {
            emit("set_gp(%d, ", k); emit_const(v); emit(")");
            if (!st.dead) st.pv[GP] = (struct pval) { pk_arr(k), 0 };
        } else {
            emit("set_p(&p1, %d, ", k); emit_const(v); emit(")");
            if (!st.dead) st.pv[P1] = (struct pval) { pk_arr(k), 0 };
        }
        break;
    }
    default: emit_const(v); break;
    }
}

/* An index into an array of view length len: in range, or (when a trap is
   wanted) out of range, which stops the program at this check. */
static int gen_index(int d, int len, int *trapped)
{
    int32_t v;
    *trapped = 0;
    if (want_trap && !dry && !st.dead && chance(35)) {
        static const int32_t bad[] = { -1, -2147483647 - 1, 1000, 65536 };
        v = chance(70) ? len + pick(3) : bad[pick(4)];
        gen_forced(d, v, 1);
        *trapped = 1;
        return v;
    }
    switch (pick(5)) {
    case 0:                              /* a constant: 0..2 fits every array */
        v = pick(len < 3 ? len : 3);
        emit("%d", v);
        return v;
    case 1: {                            /* an index variable already in range */
        int iv = pick(NIVAR);
        int32_t x = rd(st.ivar[iv]);
        if (x >= 0 && x < len) { emit("%s", ivname[iv]); return x; }
        break;
    }
    case 2: {                            /* (unsigned) E % len */
        int32_t x;
        emit("(unsigned) (");
        x = gen_int(d + 1);
        emit(") %% %du", len);
        return (int32_t) ((uint32_t) x % (uint32_t) len);
    }
    default: break;
    }
    v = pick(len);
    gen_forced(d, v, 0);
    return v;
}

static void check_index(int32_t idx, int len)
{
    char buf[128];
    if (idx >= 0 && idx < len) return;
    if (idx < 0) snprintf(buf, sizeof buf, "bounds: index ");
    else snprintf(buf, sizeof buf, "bounds: index %d not in [0, %d)", idx, len);
    trap(buf);
}

/* An array designator: returns the array and its view length; the text is
   something `[index]` can follow. */
static int gen_arr_designator(int d, int *vlen)
{
    for (int tries = 0; tries < 20; tries++) {
        int c = pick(d > 3 ? 2 : 6);
        switch (c) {
        case 0: {                        /* a named array lvalue */
            int a = pick(st.narr);
            if (!st.arr[a].alive || !st.arr[a].lv[0]) continue;
            emit("%s", st.arr[a].lv);
            *vlen = st.arr[a].len;
            return a;
        }
        case 1: {                        /* a pointer variable */
            int v = pick(NPVAR);
            if (st.pv[v].arr < 0) {
                if (want_trap && !dry && !st.dead) {
                    if (chance(50) && !avoid_known) { emit("(&*%s)", pvname[v]); uses_known = 1; } else emit("%s", pvname[v]);
                    trap("null: ");
                    *vlen = 1;
                    return -1;
                }
                continue;
            }
            if (chance(25) && !avoid_known) { emit("(&*%s)", pvname[v]); uses_known = 1; } else emit("%s", pvname[v]);
            *vlen = viewlen(st.pv[v]);
            return st.pv[v].arr;
        }
        case 2: {                        /* pk(k)[...] through a call */
            int k = pick(NPK);
            emit("pk("); gen_forced(d + 1, k, 0); emit(")");
            *vlen = st.arr[pk_arr(k)].len;
            return pk_arr(k);
        }
        case 3: case 4: {                /* any pointer expression */
            struct pval p;
            emit("(");
            p = gen_ptr(d + 1, 1, 1);
            emit(")");
            if (p.arr < 0) { *vlen = 1; return -1; }
            *vlen = viewlen(p);
            return p.arr;
        }
        default: {                       /* a struct's array member, through sp or not */
            int s;
            if (chance(50) && st.sp >= 0) {
                if (chance(50)) { emit("sp->a"); s = st.sp; }
                else { emit("(set_sp(%d, 0), sp)->a", s = pick(3)); if (!st.dead) st.sp = s; }
            } else {
                s = pick(NSTRUCT);
                emit("%s.a", sname[s]);
            }
            *vlen = 4;
            return sarr[s];
        }
        }
    }
    emit("gb5.a"); *vlen = 5; return barr[GB5];
}

/* An int lvalue; *cell is its cell (-1 once the program is dead). */
static int gen_lv(int d, int *cell)
{
    int c = pick(d > 4 ? 2 : 7);
    int ta = taking_addr;
    taking_addr = 0;
    if (c == 0 || c == 1) {
        int iv = pick(NIVAR);
        if (ta && (iv == I0 || iv == I1)) iv = iv == I0 ? I2 : GI;
        if (rhs && avoid_known && (iv == I0 || iv == I1)) iv = iv == I0 ? I2 : GI;
        if (rhs && (iv == I0 || iv == I1)) uses_known = 1;
        if (c == 1 && iv == I2) iv = GI;
        emit("%s", ivname[iv]);
        *cell = st.ivar[iv];
        return 1;
    }
    if (c == 2 && st.sp >= 0) { emit("sp->v"); *cell = sbase[st.sp] + 5; return 1; }
    if (c == 3 && st.ip >= 0) {
        if (chance(50)) emit("*ip"); else emit("*&*ip");
        *cell = st.ip; return 1;
    }
    if (c == 3 && want_trap && !dry && !st.dead && !avoid_known) {
        uses_known = 1;
        emit("*&*ip"); trap("null: "); *cell = -1; return 1;
    }
    {
        int len, a, tr;
        int32_t idx;
        int amp = chance(15);
        if (amp) emit("*&");
        a = gen_arr_designator(d + 1, &len);
        emit("[");
        idx = gen_index(d + 1, len, &tr);
        emit("]");
        if (a < 0 || st.dead) { *cell = -1; return 1; }
        check_index(idx, len);
        *cell = st.dead ? -1 : st.arr[a].base + idx;
        return 1;
    }
}

/* A pointer to an array (type int (*)[], or int (*)[5] when tlen is 5). */
static struct pval gen_ptr(int d, int allow_local, int nonnull)
{
    for (int tries = 0; tries < 30; tries++) {
        int c = pick(d > 3 ? 2 : 6);
        switch (c) {
        case 0: {
            int a = pick(st.narr);
            if (!st.arr[a].alive || !st.arr[a].ptr[0]) continue;
            if (st.arr[a].local && !allow_local) continue;
            emit("%s", st.arr[a].ptr);
            return (struct pval) { a, st.arr[a].len == 5 && strchr(st.arr[a].ptr, '&') ? 5 : 0 };
        }
        case 1: {
            int v = pick(NPVAR);
            if (pvar_local(v) && !allow_local) continue;
            if (nonnull && st.pv[v].arr < 0) continue;
            emit("%s", pvname[v]);
            return st.pv[v];
        }
        case 2: {
            int k = pick(NPK);
            emit("pk("); gen_forced(d + 1, k, 0); emit(")");
            return (struct pval) { pk_arr(k), 0 };
        }
        case 3: {                        /* c ? P : Q, the other arm dry */
            int32_t cv; struct pval r, o; struct state *s;
            emit("(");
            cv = gen_int(d + 1);
            emit(" ? ");
            if (cv) {
                r = gen_ptr(d + 1, allow_local, nonnull); emit(" : ");
                s = save(); dry++; o = gen_ptr(d + 1, allow_local, 0); dry--; restore_keep_text(s);
            } else {
                s = save(); dry++; o = gen_ptr(d + 1, allow_local, 0); dry--; restore_keep_text(s);
                emit(" : "); r = gen_ptr(d + 1, allow_local, nonnull);
            }
            emit(")");
            if (r.tlen != o.tlen) r.tlen = 0;
            return r;
        }
        case 4: {                        /* (p = P): the pointer moves inside an expression */
            int v = pick(3);             /* p0 p1 gp */
            if (rhs && avoid_known && (v == P0 || v == P1)) v = GP;
            if (rhs && (v == P0 || v == P1)) uses_known = 1;
            struct pval r;
            if (pvar_local(v) && !allow_local) continue;
            emit("(%s = ", pvname[v]);
            r = gen_ptr(d + 1, v == P0, nonnull);
            emit(")");
            r.tlen = 0;
            if (!st.dead) st.pv[v] = r;
            return r;
        }
        default:
            if (st.narr >= MAXARR - 8 || st.ncell > MAXCELL - 64) continue;
            {
                int n = 3 + pick(7);
                int a = new_array(new_cells(n + 1) + 1, n, 0, NULL, NULL);
                emit("new(int[%d])", n);
                return (struct pval) { a, 0 };
            }
        }
    }
    emit("&gb7.a");
    return (struct pval) { barr[GB7], 0 };
}

/* Copies struct value v into struct object dst (model). */
static void copy_struct_cells(int dst, const int32_t *v)
{
    for (int k = 0; k < 7; k++) wr(sbase[dst] + k, v[k]);
}

/* A struct S value; its cells go to tmp.  Returns 1. */
static int32_t tmpval[7];
static int tmp_lvalue;                   /* the struct value is this object itself, or -1 */
static int gen_struct_value(int d, int allow_rvalue)
{
    int c = pick(d > 3 ? 1 : (allow_rvalue ? 5 : 1));
    tmp_lvalue = -1;
    switch (c) {
    case 1: {                            /* mk(v) */
        int32_t v;
        emit("mk(");
        v = gen_int(d + 1);
        emit(")");
        tmpval[0] = CANARY_S; tmpval[6] = CANARY_S; tmpval[5] = v;
        for (int k = 0; k < 4; k++) tmpval[1 + k] = wrap((uint32_t) v * 3u + (uint32_t) k);
        return 1;
    }
    case 2: {                            /* c ? S : T */
        int32_t cv, keep[7]; struct state *s;
        emit("(");
        cv = gen_int(d + 1);
        emit(" ? ");
        if (cv) {
            gen_struct_value(d + 1, 1); memcpy(keep, tmpval, sizeof keep);
            emit(" : "); s = save(); dry++; gen_struct_value(d + 1, 1); dry--; restore_keep_text(s);
        } else {
            s = save(); dry++; gen_struct_value(d + 1, 1); dry--; restore_keep_text(s);
            emit(" : "); gen_struct_value(d + 1, 1); memcpy(keep, tmpval, sizeof keep);
        }
        emit(")");
        memcpy(tmpval, keep, sizeof keep);
        return 1;
    }
    case 3: {                            /* (s = T) */
        int dst = pick(NSTRUCT);
        int32_t keep[7];
        emit("(%s = ", sname[dst]);
        gen_struct_value(d + 1, 1);
        emit(")");
        memcpy(keep, tmpval, sizeof keep);
        copy_struct_cells(dst, keep);
        memcpy(tmpval, keep, sizeof keep);
        return 1;
    }
    case 4: {                            /* (E, T) */
        emit("(");
        gen_int(d + 1);
        emit(", ");
        gen_struct_value(d + 1, 1);
        emit(")");
        return 1;
    }
    default: {                           /* a struct lvalue read */
        int s;
        if (st.sp >= 0 && chance(30)) { emit("*sp"); s = st.sp; }
        else { s = pick(NSTRUCT); emit("%s", sname[s]); }
        for (int k = 0; k < 7; k++) tmpval[k] = rd(sbase[s] + k);
        tmp_lvalue = s;
        return 2;
    }
    }
}

static int32_t gen_int(int d)
{
    int c = pick(d > 5 ? 3 : 16);
    int32_t v;
    switch (c) {
    case 0: v = small_const(); emit_const(v); return v;
    case 1: { int iv = pick(NIVAR); emit("%s", ivname[iv]); return rd(st.ivar[iv]); }
    case 2: case 3: {                    /* an element read */
        int cell;
        gen_lv(d + 1, &cell);
        return cell >= 0 ? rd(cell) : 0;
    }
    case 4: {                            /* binary operator */
        static const char ops[] = "+-*^&|<>/%le";
        int op = ops[pick((int) sizeof ops - 1)];
        int32_t a, b;
        emit("(");
        a = gen_int(d + 1);
        emit(" %s ", opstr(op));
        if (op == '/' || op == '%') { b = 2 + pick(6); emit("%d", b); }
        else b = gen_int(d + 1);
        emit(")");
        return binop(op, a, b);
    }
    case 5: {                            /* LV = E: E may move LV's base */
        int cell; int32_t val;
        emit("(");
        gen_lv(d + 1, &cell);
        emit(" = ");
        rhs++; val = gen_int(d + 1); rhs--;
        emit(")");
        if (cell >= 0) wr(cell, val);
        return val;
    }
    case 6: {                            /* LV op= E */
        int cell, w; int32_t val, old;
        int op = cops[pick((int) sizeof cops - 1)];
        struct state *s;
        size_t at;
        emit("(");
        gen_lv(d + 1, &cell);
        emit(" %s= ", opstr(op));
        /* The contract does not say when E1's value is read, so E2 must
           not write E1's object: write E2 again as a constant if it did. */
        s = save(); at = st.textlen;
        w = nwatch++; watch[w] = cell; watched[w] = 0;
        rhs++; val = gen_int(d + 1); rhs--;
        nwatch--;
        if (watched[w]) {
            restore_all(s); st.textlen = at;
            val = small_const(); emit_const(val);
        } else free(s);
        emit(")");
        if (cell < 0) return 0;
        old = rd(cell);
        if (op == '<' || op == '>') val &= 31;
        v = binop(op, old, val);
        wr(cell, v);
        return v;
    }
    case 7: {                            /* ++ -- */
        int cell, pre = chance(50), inc = chance(50);
        int32_t old;
        if (pre) emit("(%s(", inc ? "++" : "--");
        else emit("((");
        gen_lv(d + 1, &cell);
        if (!pre) emit(")%s)", inc ? "++" : "--");
        else emit("))");
        if (cell < 0) return 0;
        old = rd(cell);
        v = wrap((uint32_t) old + (inc ? 1u : 0xffffffffu));
        wr(cell, v);
        return pre ? v : old;
    }
    case 8: {                            /* ?: with the other arm dry */
        int32_t cv, r; struct state *s;
        emit("(");
        cv = gen_int(d + 1);
        emit(" ? ");
        if (cv) {
            r = gen_int(d + 1); emit(" : ");
            s = save(); dry++; gen_int(d + 1); dry--; restore_keep_text(s);
        } else {
            s = save(); dry++; gen_int(d + 1); dry--; restore_keep_text(s);
            emit(" : "); r = gen_int(d + 1);
        }
        emit(")");
        return r;
    }
    case 9: {                            /* (side effect on a pointer, E) */
        emit("(");
        if (chance(70)) gen_ptr(d + 1, 1, 0); else gen_int(d + 1);
        emit(", ");
        v = gen_int(d + 1);
        emit(")");
        return v;
    }
    case 10: {                           /* calls that change globals or a local */
        int32_t x;
        switch (pick(4)) {
        case 0: emit("id("); v = gen_int(d + 1); emit(")"); return v;
        case 1: emit("set_gi("); v = gen_int(d + 1); emit(")"); wr(st.ivar[GI], v); return v;
        case 2: {
            int cell;
            emit("set_int(&");
            if (chance(50)) { emit("i2"); cell = st.ivar[I2]; }
            else { taking_addr = 1; gen_lv(d + 1, &cell); }
            emit(", ");
            x = gen_int(d + 1);
            emit(")");
            if (cell >= 0) wr(cell, x);
            return x;
        }
        default: {
            int k = pick(3);
            emit("set_sp(%d, ", k);
            x = gen_int(d + 1);
            emit(")");
            if (!st.dead) st.sp = k;
            return x;
        }
        }
    }
    case 11: {                           /* a member of a struct value */
        int len = 4, tr, lv; int32_t idx, keep[7];
        emit("(");
        lv = gen_struct_value(d + 1, 1) == 2 ? tmp_lvalue : -1;
        memcpy(keep, tmpval, sizeof keep);
        if (chance(30)) { emit(").v"); return keep[5]; }
        emit(").a[");
        idx = gen_index(d + 1, len, &tr);
        emit("]");
        if (st.dead) return 0;
        check_index(idx, len);
        /* an lvalue's element is read after the index ran */
        if (lv >= 0) return st.dead ? 0 : rd(sbase[lv] + 1 + idx);
        return st.dead ? 0 : keep[1 + idx];
    }
    case 12: {                           /* lengthof */
        /* The contract does not say whether lengthof evaluates its operand;
           cuckoo-cc does only when the length is not in the type (as C's
           sizeof and VLAs): give it an operand without side effects. */
        int v = pick(NPVAR);
        if (st.pv[v].arr >= 0) {
            emit("(int) lengthof(%s)", pvname[v]);
            return viewlen(st.pv[v]);
        }
        v = pick(NBOX);
        emit("(int) lengthof(%s.a)", bname[v]);
        return blen[v];
    }
    case 13: {                           /* unary */
        int u = pick(3);
        emit("%s(", u == 0 ? "-" : u == 1 ? "~" : "!");
        v = gen_int(d + 1);
        emit(")");
        return u == 0 ? wrap(0u - (uint32_t) v) : u == 1 ? ~v : !v;
    }
    default: {                           /* assignment into an array through a moving base */
        int cell; int32_t val;
        emit("(");
        gen_lv(d + 1, &cell);
        emit(" = ");
        rhs++; val = gen_int(d + 1); rhs--;
        emit(")");
        if (cell >= 0) wr(cell, val);
        return val;
    }
    }
}

/* ---- statements ---- */
static void indent(int depth) { for (int k = 0; k < depth + 1; k++) emit("    "); }
static void gen_stmt(int depth);

/* Points every pointer into array a (being deleted) elsewhere. */
static void retarget(int a, int depth)
{
    for (int v = 0; v < NPVAR; v++)
        if (st.pv[v].arr == a) {
            indent(depth);
            if (v == Q5) { emit("q5 = &gb5.a;\n"); st.pv[v] = (struct pval) { barr[GB5], 5 }; }
            else { emit("%s = &gb7.a;\n", pvname[v]); st.pv[v] = (struct pval) { barr[GB7], 0 }; }
        }
    if (st.ip >= st.arr[a].base && st.ip < st.arr[a].base + st.arr[a].len) {
        indent(depth); emit("ip = &gi;\n"); st.ip = st.ivar[GI];
    }
}

/* A loop with more values live at once than i386 has registers: three
 * ints and a long long computed before it and read only after it (what
 * cuckoo-cc's live-range splitting copies around the loop), five more
 * updated in it, divisions by negative constants among them; all printed
 * after it. */
static int ncrowded;
static void gen_crowded(int depth)
{
    int n = ncrowded++, trips = 1 + pick(12);
    int32_t r[3], sv[5];
    emit("{\n");
    indent(depth + 1);
    emit("int r%d_0 = ", n); r[0] = gen_int(1);
    emit(", r%d_1 = ", n); r[1] = gen_int(1);
    emit(", r%d_2 = ", n); r[2] = gen_int(1);
    emit(";\n");
    indent(depth + 1);
    emit("long long w%d = (long long) r%d_0 * r%d_1;\n", n, n, n);
    int64_t w = (int64_t) r[0] * r[1];
    indent(depth + 1);
    emit("int ");
    for (int j = 0; j < 5; j++) {
        sv[j] = small_const();
        emit("%ss%d_%d = %d", j ? ", " : "", n, j, sv[j]);
    }
    emit(";\n");
    indent(depth + 1);
    emit("for (k = 0; k < %d; k++) {\n", trips);
    indent(depth + 2); emit("s%d_0 += gb7.a[k %% 7] ^ s%d_1;\n", n, n);
    indent(depth + 2); emit("s%d_1 += s%d_0 * 3 + s%d_2;\n", n, n, n);
    indent(depth + 2); emit("s%d_2 ^= s%d_1 + s%d_3;\n", n, n, n);
    indent(depth + 2); emit("s%d_3 += s%d_2 / -4 - s%d_4;\n", n, n, n);
    indent(depth + 2); emit("s%d_4 = s%d_4 * 5 + s%d_0 %% -8;\n", n, n, n);
    indent(depth + 1); emit("}\n");
    for (int k = 0; k < trips; k++) {
        sv[0] = wrap((uint32_t) sv[0] + (uint32_t) (rd(st.arr[barr[GB7]].base + k % 7) ^ sv[1]));
        sv[1] = wrap((uint32_t) sv[1] + (uint32_t) sv[0] * 3u + (uint32_t) sv[2]);
        sv[2] = sv[2] ^ wrap((uint32_t) sv[1] + (uint32_t) sv[3]);
        sv[3] = wrap((uint32_t) sv[3] + (uint32_t) (sv[2] / -4) - (uint32_t) sv[4]);
        sv[4] = wrap((uint32_t) sv[4] * 5u + (uint32_t) (sv[0] % -8));
    }
    indent(depth + 1);
    emit("printf(\"%%d\\n\", r%d_0 + r%d_1 * 2 + r%d_2 * 3 + (int) (w%d >> 7)", n, n, n, n);
    for (int j = 0; j < 5; j++)
        emit(" + s%d_%d", n, j);
    emit(");\n");
    uint32_t sum = (uint32_t) r[0] + (uint32_t) r[1] * 2u + (uint32_t) r[2] * 3u + (uint32_t) (int32_t) (w >> 7);
    for (int j = 0; j < 5; j++)
        sum += (uint32_t) sv[j];
    out("%d\n", wrap(sum));
    indent(depth);
    emit("}\n");
}

static void gen_loop(int depth)
{
    int c = pick(avoid_known ? 3 : 5);
    if (c == 2) { gen_crowded(depth); return; }
    if (c > 2) c--;
    if (c >= 2) uses_known = 1;
    if (c == 0) {                        /* a whole-array update through a pointer */
        int v = pick(NPVAR), m = 1 + pick(5);
        if (st.pv[v].arr < 0) {
            if (v == Q5) { emit("q5 = &gb5.a;\n"); st.pv[v] = (struct pval) { barr[GB5], 5 }; }
            else { emit("%s = &gb3.a;\n", pvname[v]); st.pv[v] = (struct pval) { barr[GB3], 0 }; }
            indent(depth);
        }
        emit("for (k = 0; k < (int) lengthof(%s); k++) %s[k] = %s[k] * %d + k;\n", pvname[v], pvname[v], pvname[v], m);
        {
            struct pval p = st.pv[v]; int n = viewlen(p);
            for (int k = 0; k < n; k++) wr(st.arr[p.arr].base + k, wrap((uint32_t) rd(st.arr[p.arr].base + k) * (uint32_t) m + (uint32_t) k));
        }
    } else if (c == 1) {                 /* off by one: traps after the last element */
        int a = pick(NBOX), n = blen[a];
        int bad = want_trap && !st.dead && chance(50);
        emit("for (k = 0; k %s %d; k++) %s.a[%sk] += k + 1;\n", bad ? "<=" : "<", n, bname[a], bad ? "id(k) + 0 * " : "");
        for (int k = 0; k <= n && !st.dead; k++) {
            if (k == n) { if (bad) check_index(k, n); break; }
            wr(st.arr[barr[a]].base + k, wrap((uint32_t) rd(st.arr[barr[a]].base + k) + (uint32_t) k + 1u));
        }
    } else if (c == 2) {                 /* the base moves inside the loop */
        int v = pick(2) ? P0 : P1, a1 = pick(3), a2 = pick(3), n = 2 + pick(8);
        int comp = chance(50);
        emit("for (k = 0; k < %d; k++) %s[k %% 3] %s= (%s = (k & 1) ? &%s.a : &%s.a, k);\n",
             n, pvname[v], comp ? "+" : "", pvname[v], bname[a1], bname[a2]);
        if (st.pv[v].arr < 0) {          /* the first iteration dereferences NULL */
            trap("null: ");
            return;
        }
        for (int k = 0; k < n; k++) {
            int cell = st.arr[st.pv[v].arr].base + k % 3;
            st.pv[v] = (struct pval) { barr[(k & 1) ? a1 : a2], 0 };
            wr(cell, comp ? wrap((uint32_t) rd(cell) + (uint32_t) k) : k);
        }
    } else {                             /* an index variable moves inside the loop */
        int a = pick(NBOX), n = 2 + pick(8);
        emit("for (k = 0, i1 = 0; k < %d; k++) %s.a[i1] = (i1 = (i1 + 1) %% 3, k * 7);\n", n, bname[a]);
        wr(st.ivar[I1], 0);
        for (int k = 0; k < n; k++) {
            int cell = st.arr[barr[a]].base + rd(st.ivar[I1]);
            wr(st.ivar[I1], (rd(st.ivar[I1]) + 1) % 3);
            wr(cell, k * 7);
        }
    }
}

static void gen_stmt(int depth)
{
    int c = pick(depth > 1 ? 8 : 12);
    indent(depth);
    switch (c) {
    case 0: case 1: case 2: {            /* LV = E; LV op= E */
        gen_int(0);
        emit(";\n");
        break;
    }
    case 3: case 4: {
        int32_t v;
        emit("printf(\"%%d\\n\", ");
        v = gen_int(0);
        emit(");\n");
        out("%d\n", v);
        break;
    }
    case 5: {                            /* a pointer variable */
        int v = pick(NPVAR);
        struct pval p;
        if (v == Q5) {
            struct state *s = save(); size_t at = st.textlen;
            int ok = 0;
            for (int t = 0; t < 5 && !ok; t++) {
                emit("q5 = (int (*)[5]) (int (*)[]) (");
                p = gen_ptr(1, 1, 0);
                emit(");\n");
                if (p.arr < 0 || st.dead) { ok = 1; if (!st.dead) st.pv[Q5] = (struct pval) { -1, 5 }; }
                else if (st.arr[p.arr].len >= 5) { ok = 1; st.pv[Q5] = (struct pval) { p.arr, 5 }; }
                else if (want_trap && !dry) { ok = 1; trap("cast: "); }
                if (!ok) { restore_all(s); s = save(); st.textlen = at; }
            }
            free(s);
            if (!ok) { emit("q5 = NULL;\n"); st.pv[Q5] = (struct pval) { -1, 5 }; }
        } else if (v != P0 && chance(10)) {
            emit("%s = NULL;\n", pvname[v]);
            if (!st.dead) st.pv[v] = (struct pval) { -1, 0 };
        } else {
            emit("%s = ", pvname[v]);
            p = gen_ptr(0, v == P0, 0);
            emit(";\n");
            if (!st.dead) st.pv[v] = (struct pval) { p.arr, 0 };
        }
        break;
    }
    case 6: {                            /* ip */
        int cell;
        if (chance(15)) { emit("ip = NULL;\n"); if (!st.dead) st.ip = -1; break; }
        emit("ip = &");
        if (chance(30)) { emit("i2"); cell = st.ivar[I2]; }
        else { taking_addr = 1; gen_lv(1, &cell); }
        emit(";\n");
        if (!st.dead) st.ip = cell;
        break;
    }
    case 7: {                            /* structs */
        int dst;
        if (chance(50)) {
            int tr; int32_t idx, val;
            /* s.a[i] = (s = T, v): the object is found before the copy */
            dst = pick(NSTRUCT);
            emit("%s.a[", sname[dst]);
            idx = gen_index(1, 4, &tr);
            emit("] = (%s = ", sname[dst]);
            check_index(idx, 4);
            rhs++;
            gen_struct_value(1, 1);
            copy_struct_cells(dst, tmpval);
            emit(", ");
            val = gen_int(1);
            rhs--;
            emit(");\n");
            if (!st.dead) wr(sbase[dst] + 1 + idx, val);
        } else {
            int32_t keep[7];
            dst = pick(NSTRUCT);
            if (chance(30) && st.sp >= 0) { emit("*sp = "); dst = st.sp; }
            else emit("%s = ", sname[dst]);
            rhs++; gen_struct_value(1, 1); rhs--;
            memcpy(keep, tmpval, sizeof keep);
            emit(";\n");
            copy_struct_cells(dst, keep);
        }
        break;
    }
    case 8: {                            /* if/else, one branch dry */
        int32_t cv; struct state *s;
        emit("if (");
        cv = gen_int(1);
        emit(") {\n");
        if (cv) { gen_stmt(depth + 1); s = save(); dry++; }
        else { s = save(); dry++; gen_stmt(depth + 1); }
        if (!cv) { dry--; restore_keep_text(s); }
        indent(depth); emit("} else {\n");
        if (cv) { gen_stmt(depth + 1); dry--; restore_keep_text(s); }
        else gen_stmt(depth + 1);
        indent(depth); emit("}\n");
        break;
    }
    case 9: {                            /* delete and new */
        int n = 1 + pick(9);
        if (st.ncell > MAXCELL - 32 || st.narr >= MAXARR - 4) { emit(";\n"); break; }
        emit("/* hn */\n");
        if (!st.dead) retarget(hn_arr, depth);
        indent(depth);
        emit("delete(hn);\n");
        indent(depth);
        emit("hn = new(int[%d]);\n", n);
        if (!st.dead) {
            int old = hn_arr;
            hn_arr = new_array(new_cells(n + 1) + 1, n, 0, "(*hn)", "hn");
            st.arr[old].alive = 0;
        }
        break;
    }
    default:
        gen_loop(depth);
        break;
    }
}

static void prelude(void)
{
    emit("/* generated by cuckoo-gen; the model's expectations are in the .out and .trap files */\n"
         "#include <cuckoo.ckh>\n"
         "struct S { int lo; int a[4]; int v; int hi; };\n"
         "struct B3 { int lo; int a[3]; int hi; };\n"
         "struct B5 { int lo; int a[5]; int hi; };\n"
         "struct B7 { int lo; int a[7]; int hi; };\n"
         "struct S gs0 = { 0x5eed5eed, {1, 2, 3, 4}, 5, 0x5eed5eed };\n"
         "struct S gs1 = { 0x5eed5eed, {6, 7, 8, 9}, 10, 0x5eed5eed };\n"
         "struct B3 gb3 = { 0x0b3c0b3c, {11, 12, 13}, 0x0b3c0b3c };\n"
         "struct B5 gb5 = { 0x0b5c0b5c, {14, 15, 16, 17, 18}, 0x0b5c0b5c };\n"
         "struct B7 gb7 = { 0x0b7c0b7c, {19, 20, 21, 22, 23, 24, 25}, 0x0b7c0b7c };\n"
         "struct S *hs;\n"
         "struct B7 *hb7;\n"
         "int (*hn)[];\n"
         "int (*gp)[];\n"
         "struct S *sp;\n"
         "int gi;\n"
         "static int id(int v) { return v; }\n"
         "int set_gi(int v) { gi = v; return v; }\n"
         "int set_int(int *q, int v) { *q = v; return v; }\n"
         "int (*pk(int k))[] {\n"
         "    switch (k) {\n"
         "    case 0: return &gb3.a; case 1: return &gb5.a; case 2: return &gb7.a;\n"
         "    case 3: return &gs0.a; case 4: return &gs1.a; case 5: return &hb7->a;\n"
         "    case 6: return hn; default: return &hs->a;\n"
         "    }\n"
         "}\n"
         "int set_gp(int k, int v) { gp = pk(k); return v; }\n"
         "int set_p(int (**pp)[], int k, int v) { *pp = pk(k); return v; }\n"
         "int set_sp(int k, int v) { sp = k == 0 ? &gs0 : k == 1 ? &gs1 : hs; return v; }\n"
         "struct S mk(int v) {\n"
         "    struct S r;\n"
         "    r.lo = 0x5eed5eed; r.hi = 0x5eed5eed; r.v = v;\n"
         "    for (int k = 0; k < 4; k++) r.a[k] = v * 3 + k;\n"
         "    return r;\n"
         "}\n"
         "static unsigned sum(const int v[]) {\n"
         "    unsigned h = 0;\n"
         "    for (unsigned k = 0; k < lengthof(v); k++) h = h * 31u + (unsigned) v[k];\n"
         "    return h;\n"
         "}\n"
         "static int bad;\n"
         "static void canary(const char what[], int lo, int hi, int want) {\n"
         "    if (lo != want || hi != want) { printf(\"canary %%s broken\\n\", what); bad = 1; }\n"
         "}\n"
         "int main(void) {\n"
         "    int i0 = 0, i1 = 1, i2 = 2, k = 0;\n"
         "    int (*p0)[] = &gb3.a;\n"
         "    int (*p1)[] = &gb5.a;\n"
         "    int (*q5)[5] = (int (*)[5]) &gb7.a;\n"
         "    int *ip = &gi;\n"
         "    struct S s0, s1;\n"
         "    struct B5 lb5;\n"
         "    s0 = mk(30); s1 = mk(40);\n"
         "    lb5.lo = 0x0b5c0b5c; lb5.hi = 0x0b5c0b5c;\n"
         "    hs = new(struct S); *hs = mk(50);\n"
         "    hb7 = new(struct B7); hb7->lo = 0x0b7c0b7c; hb7->hi = 0x0b7c0b7c;\n"
         "    hn = new(int[4]);\n"
         "    gp = hn; sp = &gs0;\n"
         "    (void) k;\n");
}

static void init_model(void)
{
    static const int32_t s_init[NSTRUCT] = { 1, 6, 50, 30, 40 };
    static const uint32_t bcan[NBOX] = { 0x0b3c0b3c, 0x0b5c0b5c, 0x0b7c0b7c, 0x0b5c0b5c, 0x0b7c0b7c };
    char lv[32], ptr[32];
    memset(&st, 0, sizeof st);
    for (int v = 0; v < NIVAR; v++) st.ivar[v] = new_cells(1);
    st.mem[st.ivar[I1]] = 1; st.mem[st.ivar[I2]] = 2;
    for (int s = 0; s < NSTRUCT; s++) {
        sbase[s] = new_cells(7);
        snprintf(lv, sizeof lv, "%s.a", sname[s]);
        snprintf(ptr, sizeof ptr, s == HS ? "&hs->a" : "&%s.a", sname[s]);
        sarr[s] = new_array(sbase[s] + 1, 4, s >= S0, lv, ptr);
        st.mem[sbase[s]] = CANARY_S; st.mem[sbase[s] + 6] = CANARY_S;
        if (s < 2) {
            for (int k = 0; k < 4; k++) st.mem[sbase[s] + 1 + k] = s_init[s] + k;
            st.mem[sbase[s] + 5] = s_init[s] + 4;
        } else {
            for (int k = 0; k < 4; k++) st.mem[sbase[s] + 1 + k] = s_init[s] * 3 + k;
            st.mem[sbase[s] + 5] = s_init[s];
        }
    }
    {
        int32_t v = 11;
        for (int b = 0; b < NBOX; b++) {
            bbase[b] = new_cells(blen[b] + 2);
            snprintf(lv, sizeof lv, "%s.a", bname[b]);
            snprintf(ptr, sizeof ptr, b == HB7 ? "&hb7->a" : "&%s.a", bname[b]);
            barr[b] = new_array(bbase[b] + 1, blen[b], b == LB5, lv, ptr);
            st.mem[bbase[b]] = (int32_t) bcan[b]; st.mem[bbase[b] + blen[b] + 1] = (int32_t) bcan[b];
            if (b <= GB7) for (int k = 0; k < blen[b]; k++) st.mem[bbase[b] + 1 + k] = v++;
        }
    }
    hn_arr = new_array(new_cells(5) + 1, 4, 0, "(*hn)", "hn");
    st.pv[P0] = (struct pval) { barr[GB3], 0 };
    st.pv[P1] = (struct pval) { barr[GB5], 0 };
    st.pv[Q5] = (struct pval) { barr[GB7], 5 };
    st.pv[GP] = (struct pval) { hn_arr, 0 };
    st.ip = st.ivar[GI];
    st.sp = GS0;
}

static uint32_t model_sum(int a, int n)
{
    uint32_t h = 0;
    for (int k = 0; k < n; k++) h = h * 31u + (uint32_t) rd(st.arr[a].base + k);
    return h;
}

static void epilogue(void)
{
    emit("    printf(\"i %%d %%d %%d %%d\\n\", i0, i1, i2, gi);\n");
    out("i %d %d %d %d\n", rd(st.ivar[I0]), rd(st.ivar[I1]), rd(st.ivar[I2]), rd(st.ivar[GI]));
    for (int b = 0; b < NBOX; b++) {
        const char *nm = bname[b];
        emit("    canary(\"%s\", %s.lo, %s.hi, %d);\n", nm, nm, nm, rd(bbase[b]));
        emit("    printf(\"%s %%u\\n\", sum(%s.a));\n", nm, nm);
        out("%s %u\n", nm, model_sum(barr[b], blen[b]));
    }
    for (int s = 0; s < NSTRUCT; s++) {
        const char *nm = sname[s];
        emit("    canary(\"%s\", %s.lo, %s.hi, %d);\n", nm, nm, nm, CANARY_S);
        emit("    printf(\"%s %%u %%d\\n\", sum(%s.a), %s.v);\n", nm, nm, nm);
        out("%s %u %d\n", nm, model_sum(sarr[s], 4), rd(sbase[s] + 5));
    }
    emit("    printf(\"hn %%u %%u\\n\", lengthof(hn), sum(hn));\n");
    out("hn %u %u\n", st.arr[hn_arr].len, model_sum(hn_arr, st.arr[hn_arr].len));
    for (int v = 0; v < NPVAR; v++) {
        struct pval p = st.pv[v];
        emit("    printf(\"%s %%u %%u\\n\", %s ? lengthof(%s) : 0u, %s ? sum(%s) : 0u);\n",
             pvname[v], pvname[v], pvname[v], pvname[v], pvname[v]);
        if (p.arr < 0) out("%s 0 0\n", pvname[v]);
        else out("%s %u %u\n", pvname[v], viewlen(p), model_sum(p.arr, st.arr[p.arr].len));
    }
    emit("    printf(\"ip %%d sp %%d\\n\", ip ? *ip : -1, sp->v);\n");
    out("ip %d sp %d\n", st.ip >= 0 ? rd(st.ip) : -1, rd(sbase[st.sp] + 5));
    emit("    return bad;\n}\n");
}

static void write_file(const char *dir, long seed, const char *ext, const char *data, size_t n)
{
    char path[4096];
    FILE *f;
    snprintf(path, sizeof path, "%s/gen-%ld.%s", dir, seed, ext);
    f = fopen(path, "w");
    if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0) {
        perror(path);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    long seed; char *end; int nstmt, trap_from;
    if (argc == 4 && strcmp(argv[1], "-k") == 0) { avoid_known = 1; argv++; argc--; }
    if (argc != 3) {
        fprintf(stderr, "usage: cuckoo-gen [-k] SEED DIR\n");
        return 2;
    }
    seed = strtol(argv[1], &end, 10);
    if (*end || seed < 0) { fprintf(stderr, "cuckoo-gen: bad seed '%s'\n", argv[1]); return 2; }
    rng = 0x9e3779b97f4a7c15ULL ^ ((uint64_t) seed * 0xbf58476d1ce4e5b9ULL);
    if (!rng) rng = 1;
    for (int k = 0; k < 8; k++) rnd();
    textcap = 1 << 16; text = malloc(textcap);
    expectcap = 1 << 12; expect = malloc(expectcap);
    if (!text || !expect) { perror("cuckoo-gen"); return 2; }
    init_model();
    prelude();
    nstmt = 10 + pick(40);
    trap_from = chance(30) ? nstmt / 2 + pick(nstmt / 2) : nstmt + 1;
    for (int k = 0; k < nstmt; k++) {
        if (k == trap_from) want_trap = 1;
        gen_stmt(0);
    }
    want_trap = 0;
    epilogue();
    if (uses_known) emit("/* uses the constructs of issue 7, classes 1 and 2 */\n");
    write_file(argv[2], seed, "ck", text, st.textlen);
    write_file(argv[2], seed, "out", expect, st.expectlen);
    {
        char line[160];
        int n = st.dead ? snprintf(line, sizeof line, "%s\n", trap_line) : 0;
        write_file(argv[2], seed, "trap", line, (size_t) n);
    }
    return 0;
}
