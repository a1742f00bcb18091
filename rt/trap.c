/* trap.c -- the runtime-error path (doc/abi.md "Runtime-error sites",
 * LANGUAGE.md §11a).
 *
 * Everything here must work inside a signal handler, on a thread that has
 * just overflowed its Cuckoo stack (we run in the 64 KiB reserve below the
 * limit), and while other threads keep running: no allocation, no locks
 * that are waited on, only small stack buffers, write(2) and _exit(2).
 * The order is fixed by the contract: the user's trap_handler first (with
 * KIND and DETAIL as Cuckoo char arrays), then stdout flushed without
 * waiting on its lock, then one line on fd 2, then _exit(134). */
#include <string.h>
#include <unistd.h>

#include "rt.h"

/* ---- call sites ------------------------------------------------------- */

/* One entry per call of a runtime function, emitted by the compiler into
 * the section __cuckoo_callsites (common/abi.h CK_CALLSITES_SECTION).
 * Both fields are i386 addresses. */
struct callsite {
  uint32_t ret;
  uint32_t site;
};
_Static_assert(sizeof(struct callsite) == CK_CALLSITE_SIZE &&
               offsetof(struct callsite, ret) == CK_CALLSITE_RET &&
               offsetof(struct callsite, site) == CK_CALLSITE_SITE,
               "the call-site entry of common/abi.h");

/* The linker defines these only when some object has the section; weak, so
 * a program without any entry (or the native unit tests) still links. */
extern const struct callsite __start___cuckoo_callsites[] __attribute__((weak));
extern const struct callsite __stop___cuckoo_callsites[] __attribute__((weak));

const struct __cuckoo_site *rt_callsite(const void *ret) {
  const struct callsite *e = __start___cuckoo_callsites;
  const struct callsite *end = __stop___cuckoo_callsites;
  if (e == NULL || end == NULL)
    return NULL;
  for (; e < end; e++)
    if ((uintptr_t)e->ret == (uintptr_t)ret)
      return (const struct __cuckoo_site *)(uintptr_t)e->site;
  return NULL;
}

/* ---- length words written at start-up --------------------------------- */

/* An entry whose return address is 0 (never a call's) points at the
 * descriptor of a zero-initialised global in .bss whose length words the
 * start-up code writes (doc/abi.md "Length words written at start-up"):
 * the object's address and size, then operations -- 1 OFF VALUE: the word
 * VALUE at OFF; 2 COUNT STRIDE OFF BODYLEN BODY: BODY COUNT times, at OFF,
 * OFF + STRIDE, ...; 0: end of a list.  Every write is checked against the
 * object's size, in 64 bits. */
static void lenwords_bad(void) {
  static const char msg[] = "cuckoo: start-up: a bad length-word descriptor\n";
  (void)!write(2, msg, sizeof msg - 1);
  _exit(134);
}

static const uint32_t *lenwords_run(const uint32_t *op, unsigned char *obj, uint64_t size,
                                    uint64_t base, int depth) {
  if (depth > 64)
    lenwords_bad();
  for (;;) {
    switch (op[0]) {
    case CK_LW_END:
      return op + 1;
    case CK_LW_WORD: {
      uint64_t at = base + op[1];
      if (at + 4 > size)
        lenwords_bad();
      memcpy(obj + at, &op[2], 4);
      op += 3;
      break;
    }
    case CK_LW_REPEAT: {
      uint64_t count = op[1], stride = op[2], at = base + op[3];
      const uint32_t *body = op + 5;
      if (count && at + (count - 1) * stride >= size)
        lenwords_bad();
      for (uint64_t i = 0; i < count; i++)
        if (lenwords_run(body, obj, size, at + i * stride, depth + 1) != body + op[4])
          lenwords_bad();
      op = body + op[4];
      break;
    }
    default:
      lenwords_bad();
    }
  }
}

void rt_write_startup_length_words(void) {
  const struct callsite *e = __start___cuckoo_callsites;
  const struct callsite *end = __stop___cuckoo_callsites;
  if (e == NULL || end == NULL)
    return;
  for (; e < end; e++)
    if (e->ret == 0) {
      const uint32_t *d = (const uint32_t *)(uintptr_t)e->site;
      lenwords_run(d + CK_LWDESC_OPS / 4, (unsigned char *)(uintptr_t)d[CK_LWDESC_OBJECT / 4],
                   d[CK_LWDESC_SIZE / 4], 0, 0);
    }
}

/* ---- formatting without libc ------------------------------------------ */

struct text {
  char *buf;
  unsigned cap, len;               /* len < cap always; buf[len] == 0 */
};

static void text_put(struct text *t, const char *s, size_t n) {
  while (n-- > 0 && t->len + 1 < t->cap)
    t->buf[t->len++] = *s++;
  t->buf[t->len] = 0;
}

static void text_str(struct text *t, const char *s) {
  text_put(t, s, strlen(s));
}

static void text_unsigned(struct text *t, unsigned long long v) {
  char digits[24];
  int i = sizeof digits;
  do
    digits[--i] = (char)('0' + v % 10);
  while ((v /= 10) != 0);
  text_put(t, digits + i, sizeof digits - i);
}

static void text_signed(struct text *t, long long v) {
  if (v < 0) {
    text_put(t, "-", 1);
    text_unsigned(t, 0ull - (unsigned long long)v);
  } else {
    text_unsigned(t, (unsigned long long)v);
  }
}

void rt_format_detail(char *buf, unsigned cap, const char *detail, long long a, long long b) {
  struct text t = { buf, cap, 0 };
  long long args[2] = { a, b };
  int next = 0;
  buf[0] = 0;
  if (detail == NULL)
    return;
  for (const char *p = detail; *p; p++) {
    if (*p != '%') {
      text_put(&t, p, 1);
    } else if (p[1] == '%') {
      text_put(&t, "%", 1);
      p++;
    } else if (strncmp(p, "%lld", 4) == 0 || strncmp(p, "%llu", 4) == 0) {
      long long v = next < 2 ? args[next] : 0;
      next++;
      if (p[3] == 'd')
        text_signed(&t, v);
      else
        text_unsigned(&t, (unsigned long long)v);
      p += 3;
    } else {
      text_put(&t, p, 1);         /* not a conversion the ABI allows: literal */
    }
  }
}

/* ---- the handler ------------------------------------------------------ */

static rt_trap_handler_fn *volatile user_trap_handler;
static __thread int in_trap_handler;

void __cuckoo_trap_handler(rt_trap_handler_fn *f) {
  if (__cuckoo_domain_top != NULL)
    rt_domain_forbid(rt_callsite(RT_HERE), "trap_handler");
  __atomic_store_n(&user_trap_handler, f, __ATOMIC_RELEASE);
}

/* A Cuckoo char array on our stack: the length word, then the string with
 * its NUL (the length counts the NUL, as a string literal's does). */
struct char_array {
  unsigned len;
  char s[512];
};

static void char_array_set(struct char_array *a, const char *s) {
  size_t n = strlen(s);
  if (n > sizeof a->s - 1)
    n = sizeof a->s - 1;
  memcpy(a->s, s, n);
  a->s[n] = 0;
  a->len = (unsigned)n + 1;
}

static void run_user_handler(const char *kind, const char *detail) {
  rt_trap_handler_fn *f = __atomic_load_n(&user_trap_handler, __ATOMIC_ACQUIRE);
  /* A handler that traps itself is not run again: its own error is the one
   * reported. */
  if (f == NULL || in_trap_handler)
    return;
  struct char_array k, d;
  char_array_set(&k, kind);
  char_array_set(&d, detail);
  in_trap_handler = 1;
  /* outside every domain: an error in the handler ends the process */
  struct rt_domain_frame *dom = rt_domain_suspend();
  /* The handler is Cuckoo code and checks its frames against the limit.
   * After a stack trap we are already below the limit, so lend it half of
   * the reserve; the other half stays for this file and signal frames. */
  unsigned saved_limit = __cuckoo_stack_limit;
  if (saved_limit > RT_STACK_RESERVE / 2)
    __cuckoo_stack_limit = saved_limit - RT_STACK_RESERVE / 2;
  f(k.s, d.s);
  rt_domain_resume(dom);
  __cuckoo_stack_limit = saved_limit;
  in_trap_handler = 0;
}

/* ---- the report -------------------------------------------------------- */

/* The line of a runtime error: "cuckoo: " PREFIX "runtime error: KIND:
 * DETAIL at FILE:LINE:COL in FUNCTION\n", cut to fit LINE (CAP bytes). */
static unsigned format_line(char *line, unsigned cap, const char *domain,
                            const struct __cuckoo_site *site, const char *kind,
                            const char *detail) {
  struct text t = { line, cap, 0 };
  text_str(&t, "cuckoo: ");
  if (domain != NULL) {
    text_str(&t, "domain ");
    text_str(&t, domain);
    text_str(&t, ": ");
  }
  text_str(&t, "runtime error: ");
  text_str(&t, kind);
  text_str(&t, ": ");
  text_str(&t, detail);
  text_str(&t, " at ");
  if (site != NULL) {
    text_str(&t, site->file != NULL ? site->file : "?");
    text_put(&t, ":", 1);
    text_unsigned(&t, site->line);
    text_put(&t, ":", 1);
    text_unsigned(&t, site->col);
    text_str(&t, " in ");
    text_str(&t, site->func != NULL ? site->func : "?");
  } else {
    text_str(&t, "?:0:0 in ?");
  }
  /* Keep room for the newline even when the line was cut. */
  if (t.len + 1 >= t.cap)
    t.len = t.cap - 2;
  line[t.len++] = '\n';
  return t.len;
}

void rt_trap_report(const char *domain, const struct __cuckoo_site *site, const char *kind,
                    const char *detail) {
  char line[1024];
  unsigned n = format_line(line, sizeof line, domain, site, kind, detail);
  rt_write_all(2, line, n);
}

void rt_trap_text(const struct __cuckoo_site *site, const char *kind, const char *detail) {
  if (kind == NULL)
    kind = "?";
  /* Inside a domain that can recover (domain.c): its line, and back to
   * its domain_call; the process goes on, so neither the user's handler
   * nor the flush of stdout belongs here. */
  const char *domain = rt_domain_failing();
  if (domain != NULL) {
    rt_trap_report(domain, site, kind, detail);
    rt_domain_unwind();
  }
  run_user_handler(kind, detail);
  rt_flush_all(0);
  rt_trap_report(NULL, site, kind, detail);
  _exit(134);
}

void rt_trap_site(const struct __cuckoo_site *site, const char *kind, const char *detail,
                  long long a, long long b) {
  char text[512];
  rt_format_detail(text, sizeof text, detail, a, b);
  rt_trap_text(site, kind, text);
}

void rt_trap_call(const void *ret, const char *kind, const char *detail, long long a,
                  long long b) {
  rt_trap_site(rt_callsite(ret), kind, detail, a, b);
}

void rt_trap_fn(const void *ret, const char *kind, const char *fn, const char *tail) {
  char text[160];
  struct text t = { text, sizeof text, 0 };
  text_str(&t, fn);
  text_str(&t, tail);
  rt_trap_text(rt_callsite(ret), kind, text);
}

void rt_trap_null_arg(const void *ret, const char *fn) {
  char text[128];
  struct text t = { text, sizeof text, 0 };
  text_str(&t, "null pointer argument to ");
  text_str(&t, fn);
  rt_trap_text(rt_callsite(ret), "null", text);
}

void rt_trap_count(const void *ret, const char *fn, unsigned long long n,
                   unsigned long long len) {
  char text[160];
  struct text t = { text, sizeof text, 0 };
  text_str(&t, fn);
  text_str(&t, ": count ");
  text_unsigned(&t, n);
  text_str(&t, " exceeds array length ");
  text_unsigned(&t, len);
  rt_trap_text(rt_callsite(ret), "bounds", text);
}

/* The compiler's entry: SITE carries kind and detail. */
void __cuckoo_trap(const struct __cuckoo_site *s, long long a, long long b) {
  if (s == NULL)
    rt_trap_text(NULL, "?", "");
  rt_trap_site(s, s->kind, s->detail, a, b);
}
