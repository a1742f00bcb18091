/* rt-smoke.c -- an i386 smoke test of libcuckoo-rt without the compiler.
 *
 * It plays the part of compiled Cuckoo code: it defines __cuckoo_main and
 * calls the runtime with Cuckoo arrays built by hand (a length word, then
 * the elements).  argv[1] picks a scenario; rt-smoke.sh runs each under
 * $(CUCKOO_RUN) and compares stdout, stderr and the exit status. */
#include <stddef.h>

#include "rt.h"

/* The runtime's exported functions, as compiled Cuckoo code sees them. */
int __cuckoo_printf(const char *fmt, ...);
int __cuckoo_fprintf(struct file *f, const char *fmt, ...);
int __cuckoo_snprintf(char *buf, const char *fmt, ...);
int __cuckoo_puts(const char *s);
int __cuckoo_write_bytes(int fd, const char *b, unsigned n);
unsigned __cuckoo_strlen(const char *s);
int __cuckoo_strcmp(const char *a, const char *b);
struct thread *__cuckoo_spawn(int (*entry)(const struct __cuckoo_args *a),
                              const struct __cuckoo_args *a, unsigned size,
                              const struct __cuckoo_site *s);
int __cuckoo_join(struct thread *t);
struct mutex *__cuckoo_mutex_new(void);
void __cuckoo_mutex_lock(struct mutex *m);
void __cuckoo_mutex_unlock(struct mutex *m);
void __cuckoo_signal_handler(int sig, void (*f)(int));
int __cuckoo_raise(int sig);
char *__cuckoo_getenv(const char *name);
struct domain *__cuckoo_domain_new(struct __cuckoo_obj *(*setup)(void), const struct __cuckoo_type *t,
                                   const char *name, const struct __cuckoo_site *s);
/* the compiled call's layout (doc/abi.md "domain_call"): two words the
   runtime fills (f's return address and its state), then f's arguments */
int __cuckoo_domain_call(struct domain *d, int (*f)(void), const struct __cuckoo_type *t, int ret_hole,
                         int state_hole, int x);
void __cuckoo_domain_revoke(struct domain *d);
int __cuckoo_domain_objects(struct domain *d);

/* A Cuckoo string literal: const char[sizeof s], with its length word. */
#define LIT(s) (&(((const struct { unsigned len; char c[sizeof(s)]; }){ sizeof(s), s }).c[0]))

static const struct __cuckoo_type int_type = { "i32", 4, 4, 1, NULL };
static const struct __cuckoo_type node_type = { "s:node{v:i32,next:p(s:node)}", 8, 4, 0, NULL };
static const struct __cuckoo_site here = { NULL, NULL, "smoke.ck", 7, 3, "main" };
static const struct __cuckoo_site call_site = { NULL, NULL, "smoke.ck", 21, 5, "bounds" };
static const struct __cuckoo_site stack_site = {
  "stack", "frame of %llu bytes exceeds the stack limit", "smoke.ck", 30, 1, "deep"
};
static const struct __cuckoo_site bounds_site = {
  "bounds", "index %lld not in [0, %llu)", "smoke.ck", 12, 9, "f"
};

/* ---- threads ---------------------------------------------------------------- */

struct sum_args { int from, to; };
static struct mutex *counter_lock;
static int counter;

static int sum_thunk(const struct __cuckoo_args *a) {
  const struct sum_args *args = (const struct sum_args *)a;
  int s = 0;
  for (int i = args->from; i < args->to; i++) {
    s += i;
    __cuckoo_mutex_lock(counter_lock);
    counter++;
    __cuckoo_mutex_unlock(counter_lock);
  }
  /* The stack limit must lie inside this thread's own stack. */
  unsigned here_sp = (unsigned)(uintptr_t)&s;
  if (__cuckoo_stack_limit == 0 || __cuckoo_stack_limit >= here_sp ||
      here_sp - __cuckoo_stack_limit > rt_thread_stack_size())
    return -1;
  return s;
}

static void threads(void) {
  counter_lock = __cuckoo_mutex_new();
  struct thread *t[4];
  for (int i = 0; i < 4; i++) {
    struct sum_args a = { i * 1000, (i + 1) * 1000 };
    t[i] = __cuckoo_spawn(sum_thunk, (const struct __cuckoo_args *)&a, sizeof a, &here);
  }
  long long total = 0;
  for (int i = 0; i < 4; i++)
    total += __cuckoo_join(t[i]);
  __cuckoo_printf(LIT("threads: %lld counter %d\n"), total, counter);
}

/* A call of write_bytes as the compiler emits it: with its entry in
 * __cuckoo_callsites, so that the runtime reports the call's position. */
static void write_bytes_with_site(const char *b, unsigned n) {
  __asm__ volatile("subl $4, %%esp\n\t"
                   "pushl %1\n\t"
                   "pushl %0\n\t"
                   "pushl $1\n\t"
                   "call __cuckoo_write_bytes\n"
                   "1:\n\t"
                   "addl $16, %%esp\n\t"
                   ".pushsection __cuckoo_callsites,\"a\",@progbits\n\t"
                   ".long 1b, %c2\n\t"
                   ".popsection"
                   :
                   : "r"(b), "r"(n), "i"(&call_site)
                   : "memory", "eax", "ecx", "edx", "cc");
}

/* A thread whose function needs more stack than a thread has: the check
 * of doc/abi.md "The stack check", written in C. */
static int deep_thunk(const struct __cuckoo_args *a) {
  (void)a;
  unsigned frame = 2u << 20;
  unsigned sp = (unsigned)(uintptr_t)__builtin_frame_address(0);
  if (sp < frame || sp - frame < __cuckoo_stack_limit)
    __cuckoo_trap(&stack_site, frame, 0);
  return 0;
}

/* ---- signals ------------------------------------------------------------------ */

static volatile int got_signal;
static void on_usr1(int sig) {
  got_signal = sig;
  /* A handler may use the runtime freely. */
  struct __cuckoo_obj *p = __cuckoo_new(&node_type, &here);
  __cuckoo_delete(p, &node_type, 0, &here);
}

/* ---- the trap handler ------------------------------------------------------- */

static void on_trap(const char *kind, const char *detail) {
  __cuckoo_printf(LIT("handler: %s / %s (%u)\n"), kind, detail, RT_LEN(kind));
}

static void scenario_ok(void) {
  __cuckoo_printf(LIT("%d %5.2f %-4s| %x %e %g %%\n"), 42, 3.14159, LIT("ab"), 255, 1e-10, 0.1);
  char buf_store[4 + 8];
  char *buf = buf_store + 4;
  ((unsigned *)buf)[-1] = 8;
  int n = __cuckoo_snprintf(buf, LIT("%s-%d"), LIT("hello world"), 7);
  __cuckoo_printf(LIT("snprintf %d [%s] len %u\n"), n, buf, __cuckoo_strlen(buf));

  int *a = (int *)__cuckoo_new_array(&int_type, 10, &here);
  a[9] = 5;
  __cuckoo_delete((struct __cuckoo_obj *)a, &int_type, 1, &here);
  /* int[11] fits int[10]'s block: the same element type, within capacity. */
  int *b = (int *)__cuckoo_new_array(&int_type, 11, &here);
  __cuckoo_printf(LIT("reuse %s len %u zero %d\n"), a == b ? LIT("same") : LIT("other"),
                  RT_LEN(b), b[0] + b[9]);

  threads();

  __cuckoo_signal_handler(SIGUSR1_VALUE, on_usr1);
  __cuckoo_raise(SIGUSR1_VALUE);
  __cuckoo_printf(LIT("signal %d\n"), got_signal);
  char *home = __cuckoo_getenv(LIT("CUCKOO_SMOKE"));
  __cuckoo_printf(LIT("env %s\n"), home ? home : LIT("unset"));
  __cuckoo_puts(LIT("done"));
}

/* ---- domains: the runtime's entries believe no caller ---------------------- */

static struct domain *smoke_domain;

static struct __cuckoo_obj *node_setup(void) { return __cuckoo_new(&node_type, &here); }

/* int f(struct node *state, int x): fails for x < 0, calls its own
 * domain for x == 1000 */
static int node_fn(struct __cuckoo_obj *state, int x) {
  struct { int v; struct __cuckoo_obj *next; } *n = (void *)state;
  if (x < 0)
    __cuckoo_trap(&bounds_site, x, 3);
  if (x == 1000) {
    return __cuckoo_domain_call(smoke_domain, (int (*)(void))node_fn, &node_type, 0, 0, 1);
  }
  n->v += x;
  return n->v;
}

static int call_node(struct domain *d, int x) {
  return __cuckoo_domain_call(d, (int (*)(void))node_fn, &node_type, 0, 0, x);
}

static void scenario_domain(void) {
  smoke_domain = __cuckoo_domain_new(node_setup, &node_type, LIT("node_setup"), &here);
  int a = call_node(smoke_domain, 5), b = call_node(smoke_domain, -1), c = call_node(smoke_domain, 2);
  int r = call_node(smoke_domain, 1000), objects = __cuckoo_domain_objects(smoke_domain);
  __cuckoo_domain_revoke(smoke_domain);
  __cuckoo_printf(LIT("domain %d %d %d %d %d %d\n"), a, b, c, r, objects, call_node(smoke_domain, 1));
}

int __cuckoo_main(int argc, char **argv) {
  const char *what = argc > 1 ? argv[1] : LIT("ok");
  if (RT_LEN(argv) != (unsigned)argc)
    return 99;
  if (__cuckoo_strcmp(what, LIT("ok")) == 0) {
    scenario_ok();
  } else if (__cuckoo_strcmp(what, LIT("trap")) == 0) {
    __cuckoo_printf(LIT("before the trap"));
    __cuckoo_trap(&bounds_site, 10, 10);
  } else if (__cuckoo_strcmp(what, LIT("handler")) == 0) {
    __cuckoo_trap_handler(on_trap);
    __cuckoo_trap(&bounds_site, -1, 3);
  } else if (__cuckoo_strcmp(what, LIT("bounds")) == 0) {
    write_bytes_with_site(LIT("abc"), 5);
  } else if (__cuckoo_strcmp(what, LIT("nosite")) == 0) {
    __cuckoo_strlen(NULL);
  } else if (__cuckoo_strcmp(what, LIT("stack")) == 0) {
    __cuckoo_join(__cuckoo_spawn(deep_thunk, NULL, 0, &here));
  } else if (__cuckoo_strcmp(what, LIT("delete")) == 0) {
    struct __cuckoo_obj *p = __cuckoo_new(&node_type, &here);
    __cuckoo_delete(p, &node_type, 0, &here);
    __cuckoo_delete(p, &node_type, 0, &here);
  } else if (__cuckoo_strcmp(what, LIT("join")) == 0) {
    struct sum_args a = { 0, 0 };
    counter_lock = __cuckoo_mutex_new();
    struct thread *t = __cuckoo_spawn(sum_thunk, (const struct __cuckoo_args *)&a, sizeof a, &here);
    __cuckoo_printf(LIT("joined %d\n"), __cuckoo_join(t));
    __cuckoo_join(t);
  } else if (__cuckoo_strcmp(what, LIT("domain")) == 0) {
    scenario_domain();
  } else if (__cuckoo_strcmp(what, LIT("domain-forged")) == 0) {
    struct domain *d = __cuckoo_domain_new(node_setup, &node_type, LIT("node_setup"), &here);
    __cuckoo_printf(LIT("%d\n"), call_node(d, 1));
    call_node((struct domain *)((char *)d + 4), 1);
  } else if (__cuckoo_strcmp(what, LIT("domain-object")) == 0) {
    call_node((struct domain *)(void *)&counter, 1);
  } else if (__cuckoo_strcmp(what, LIT("domain-type")) == 0) {
    struct domain *d = __cuckoo_domain_new(node_setup, &node_type, LIT("node_setup"), &here);
    __cuckoo_domain_call(d, (int (*)(void))node_fn, &int_type, 0, 0, 1);
  } else if (__cuckoo_strcmp(what, LIT("domain-below")) == 0) {
    struct domain *d = __cuckoo_domain_new(node_setup, &node_type, LIT("node_setup"), &here);
    __cuckoo_domain_call((struct domain *)((char *)d - 1), (int (*)(void))node_fn, &node_type, 0, 0, 1);
  } else if (__cuckoo_strcmp(what, LIT("domain-null")) == 0) {
    struct domain *d = __cuckoo_domain_new(node_setup, &node_type, LIT("node_setup"), &here);
    __cuckoo_domain_call(d, NULL, &node_type, 0, 0, 1);
  } else if (__cuckoo_strcmp(what, LIT("exit")) == 0) {
    __cuckoo_printf(LIT("exiting"));
    __cuckoo_exit(3);
  }
  return 0;
}
