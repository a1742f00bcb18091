/* rt-thread.c -- attacks on the runtime's thread, mutex and condition
 * pools and on thread start-up, on i386 against the real archive.
 *
 * Like rt-smoke.c it plays the part of compiled Cuckoo code.  argv[1]
 * picks a scenario, argv[2] (where it applies) the number of rounds;
 * rt-thread.sh runs each under $(CUCKOO_RUN) and checks stdout, stderr
 * and the status.  A scenario that must survive traps installs a trap
 * handler that counts the trap and parks its thread for ever (a trap ends
 * the process otherwise), so one process can run many rounds. */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rt.h"

struct thread *__cuckoo_spawn(int (*entry)(const struct __cuckoo_args *a),
                              const struct __cuckoo_args *a, unsigned size,
                              const struct __cuckoo_site *s);
int __cuckoo_join(struct thread *t);
struct mutex *__cuckoo_mutex_new(void);
void __cuckoo_mutex_lock(struct mutex *m);
void __cuckoo_mutex_unlock(struct mutex *m);
void __cuckoo_mutex_free(struct mutex *m);
struct cond *__cuckoo_cond_new(void);
void __cuckoo_cond_wait(struct cond *c, struct mutex *m);
void __cuckoo_cond_signal(struct cond *c);
void __cuckoo_cond_broadcast(struct cond *c);
void __cuckoo_cond_free(struct cond *c);
void __cuckoo_signal_handler(int sig, void (*f)(int));
int __cuckoo_raise(int sig);
int __cuckoo_printf(const char *fmt, ...);
int __cuckoo_snprintf(char *buf, const char *fmt, ...);
int __cuckoo_strcmp(const char *a, const char *b);
int __cuckoo_atoi(const char *s);

#define LIT(s) (&(((const struct { unsigned len; char c[sizeof(s)]; }){ sizeof(s), s }).c[0]))

static const struct __cuckoo_type node_type = { "s:node{v:i32,next:p(s:node)}", 8, 4, 0, NULL };
static const struct __cuckoo_site here = { NULL, NULL, "thread.ck", 1, 1, "main" };

static void say(const char *s) { (void)!write(1, s, strlen(s)); }
static void fail(const char *s) {
  say("FAIL: ");
  say(s);
  say("\n");
  _exit(1);
}

static struct thread *spawn0(int (*entry)(const struct __cuckoo_args *a)) {
  return __cuckoo_spawn(entry, NULL, 0, &here);
}

/* ---- a trap handler that survives ----------------------------------------- */

static volatile int traps;
static void park_on_trap(const char *kind, const char *detail) {
  (void)detail;
  if (strcmp(kind, "delete") != 0) {
    say("unexpected trap: ");
    say(kind);
    say(": ");
    say(detail);
    say("\n");
    _exit(1);
  }
  __atomic_fetch_add(&traps, 1, __ATOMIC_SEQ_CST);
  for (;;)
    pause();
}

/* ---- no two running threads on one stack ----------------------------------- */

#define MAX_RUNNING 64
static unsigned running[MAX_RUNNING];
static pthread_mutex_t running_lock = PTHREAD_MUTEX_INITIALIZER;

static void enter_running(void) {
  unsigned me = __cuckoo_stack_limit;
  pthread_mutex_lock(&running_lock);
  int slot = -1;
  for (int i = 0; i < MAX_RUNNING; i++) {
    if (running[i] == me)
      fail("two running threads share a stack");
    if (running[i] == 0 && slot < 0)
      slot = i;
  }
  if (slot >= 0)
    running[slot] = me;
  pthread_mutex_unlock(&running_lock);
}

static void leave_running(void) {
  unsigned me = __cuckoo_stack_limit;
  pthread_mutex_lock(&running_lock);
  for (int i = 0; i < MAX_RUNNING; i++)
    if (running[i] == me)
      running[i] = 0;
  pthread_mutex_unlock(&running_lock);
}

static volatile int go;

/* Runs a while on its stack, writing it, so that a second thread put on
 * the same stack shows. */
static int busy_thunk(const struct __cuckoo_args *a) {
  (void)a;
  enter_running();
  volatile char scratch[4096];
  for (int i = 0; i < 2000; i++)
    scratch[i % sizeof scratch] = (char)i;
  leave_running();
  return 7;
}

/* ---- race-join: two joins of one handle at once ---------------------------- */

static struct thread *target;
static volatile int wins;

static int waiting_thunk(const struct __cuckoo_args *a) {
  (void)a;
  while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
    sched_yield();
  return 5;
}

static int joiner_thunk(const struct __cuckoo_args *a) {
  (void)a;
  while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
    ;
  if (__cuckoo_join(target) != 5)
    fail("join returned the wrong result");
  __atomic_fetch_add(&wins, 1, __ATOMIC_SEQ_CST);
  return 0;
}

static void wait_for(volatile int *a, int av, volatile int *b, int bv) {
  for (long spin = 0; *a < av || *b < bv; spin++) {
    if (spin > 20000000)
      fail("a join hangs");
    sched_yield();
  }
}

static void race_join(int rounds) {
  __cuckoo_trap_handler(park_on_trap);
  for (int r = 0; r < rounds; r++) {
    int w0 = wins, t0 = traps;
    __atomic_store_n(&go, 0, __ATOMIC_RELEASE);
    target = spawn0(waiting_thunk);
    spawn0(joiner_thunk);         /* the loser parks and is never joined */
    spawn0(joiner_thunk);
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    wait_for(&wins, w0 + 1, &traps, t0 + 1);
    /* Give a second winner time to show. */
    for (int i = 0; i < 100; i++)
      sched_yield();
    if (wins != w0 + 1 || traps != t0 + 1)
      fail("two joins of one handle: not exactly one winner");
  }
  __cuckoo_printf(LIT("race-join: %d rounds, one winner each\n"), rounds);
}

/* ---- stale-join: a stale join racing a spawn that reuses the record -------- */

static struct thread *stale;
static int stale_joiner_thunk(const struct __cuckoo_args *a) {
  (void)a;
  while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
    ;
  __cuckoo_join(stale);           /* traps, or joins whatever lives there now */
  __atomic_fetch_add(&wins, 1, __ATOMIC_SEQ_CST);
  return 0;
}

/* One round in a child process: every outcome but a trap of kind delete
 * or a clean exit is a failure (a crash, two threads on one stack). */
static void stale_round(int r) {
  __cuckoo_trap_handler(NULL);
  spawn0(stale_joiner_thunk);     /* first, so that it does not take t0's record */
  struct thread *t0 = spawn0(busy_thunk);
  __cuckoo_join(t0);
  stale = t0;
  /* Vary when the stale join lands against the spawn below. */
  for (int i = 0; i < r % 97; i++)
    __asm__ volatile("" ::: "memory");
  __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
  struct thread *t1 = spawn0(busy_thunk);     /* takes t0's record and stack */
  struct thread *t2 = spawn0(busy_thunk);
  struct thread *t3 = spawn0(busy_thunk);
  __cuckoo_join(t1);
  __cuckoo_join(t2);
  __cuckoo_join(t3);
  _exit(0);
}

static void stale_join(int rounds) {
  int trapped = 0, clean = 0;
  for (int r = 0; r < rounds; r++) {
    int fds[2];
    if (pipe(fds) != 0)
      fail("pipe");
    pid_t pid = fork();
    if (pid == 0) {
      dup2(fds[1], 2);
      stale_round(r);
    }
    close(fds[1]);
    char err[512];
    ssize_t n, len = 0;
    while ((n = read(fds[0], err + len, sizeof err - 1 - (size_t)len)) > 0)
      len += n;
    err[len] = 0;
    close(fds[0]);
    int status;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
      clean++;
    else if (WIFEXITED(status) && WEXITSTATUS(status) == 134 &&
             strncmp(err, "cuckoo: runtime error: delete: join of a thread that was already joined",
                     71) == 0)
      trapped++;
    else {
      say(err);
      char num[16];
      int k = sizeof num;
      num[--k] = 0;
      unsigned v = (unsigned)status;
      do num[--k] = (char)('0' + v % 10); while ((v /= 10) != 0);
      say("wait status ");
      say(num + k);
      say("\n");
      fail("stale join: a round crashed");
    }
  }
  __cuckoo_printf(LIT("stale-join: %d rounds, all safe\n"), rounds);
  (void)trapped;
  (void)clean;
}

/* ---- signal-start: no handler before the stack limit is set ---------------- */

static volatile int handled, unset;
static void on_usr1(int sig) {
  (void)sig;
  if (__cuckoo_stack_limit == 0)
    __atomic_store_n(&unset, 1, __ATOMIC_SEQ_CST);
  __atomic_fetch_add(&handled, 1, __ATOMIC_RELAXED);
}

static int short_thunk(const struct __cuckoo_args *a) {
  (void)a;
  return 1;
}

static void *sender(void *arg) {
  (void)arg;
  pid_t pid = getpid();
  while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
    kill(pid, SIGUSR1);
  return NULL;
}

static void signal_start(int rounds) {
  __cuckoo_signal_handler(SIGUSR1, on_usr1);
  /* The sender is a plain thread that never takes the signal itself. */
  sigset_t usr1, old;
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &usr1, &old);
  pthread_t s;
  pthread_create(&s, NULL, sender, NULL);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  for (int r = 0; r < rounds && !unset; r++) {
    struct thread *t[8];
    for (int i = 0; i < 8; i++)
      t[i] = spawn0(short_thunk);
    for (int i = 0; i < 8; i++)
      __cuckoo_join(t[i]);
  }
  __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
  pthread_join(s, NULL);
  if (unset)
    fail("a signal handler ran on a thread whose stack limit was not set");
  __cuckoo_printf(LIT("signal-start: %d rounds, handlers %s\n"), rounds,
                  handled > 0 ? LIT("ran") : LIT("never ran"));
}

/* ---- handler-calls: handlers that spawn, join and signal, interrupting the same ---- */

static struct cond *shared_cond;
static volatile int progress, stop_flood;
static pthread_t flooded;

static int one_thunk(const struct __cuckoo_args *a) {
  (void)a;
  return 1;
}

static void on_usr2(int sig) {
  (void)sig;
  __cuckoo_cond_signal(shared_cond);
  __cuckoo_cond_broadcast(shared_cond);
  if (__cuckoo_join(spawn0(one_thunk)) != 1)
    fail("join in a handler: wrong result");
  __atomic_fetch_add(&handled, 1, __ATOMIC_RELAXED);
}

/* Floods the main thread with SIGUSR2 and watches that it keeps going: a
 * handler that interrupted the C library inside one of its locks and
 * called into the same lock would stop it for ever.  Every other signal
 * goes to the process, where the runtime's signal thread may take it and
 * run the handler while the main thread makes the same calls. */
static void *flooder(void *arg) {
  (void)arg;
  int last = -1;
  struct timespec t0, now;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  while (!__atomic_load_n(&stop_flood, __ATOMIC_ACQUIRE)) {
    static unsigned n;
    if (n++ % 2)
      kill(getpid(), SIGUSR2);
    else
      pthread_kill(flooded, SIGUSR2);
    for (volatile int i = 0; i < 2000; i++)
      ;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (progress != last) {
      last = progress;
      t0 = now;
    } else if (now.tv_sec - t0.tv_sec > 5) {
      fail("a handler deadlocked inside a runtime call");
    }
  }
  return NULL;
}

static void handler_calls(int rounds) {
  shared_cond = __cuckoo_cond_new();
  __cuckoo_signal_handler(SIGUSR2, on_usr2);
  flooded = pthread_self();
  sigset_t usr2, old;
  sigemptyset(&usr2);
  sigaddset(&usr2, SIGUSR2);
  pthread_sigmask(SIG_BLOCK, &usr2, &old);
  pthread_t f;
  pthread_create(&f, NULL, flooder, NULL);
  /* signal_handler routed the program's signals to the runtime's signal
   * thread and blocked them here; this C thread takes SIGUSR2 directly
   * too, through the kernel handler, so that handlers interrupt its
   * spawn, join and cond_signal */
  pthread_sigmask(SIG_UNBLOCK, &usr2, NULL);
  for (int r = 0; r < rounds; r++) {
    struct thread *t = spawn0(one_thunk);
    __cuckoo_cond_signal(shared_cond);
    __cuckoo_cond_broadcast(shared_cond);
    __cuckoo_join(t);
    __atomic_fetch_add(&progress, 1, __ATOMIC_RELAXED);
  }
  __atomic_store_n(&stop_flood, 1, __ATOMIC_RELEASE);
  pthread_join(f, NULL);
  __cuckoo_printf(LIT("handler-calls: %d rounds, handlers %s\n"), rounds,
                  handled > 0 ? LIT("ran") : LIT("never ran"));
}

/* ---- near-limit: runtime calls at the stack limit of every thread ---------- */

#define PATTERN 0xa5
static volatile unsigned deepest_use;        /* most reserve bytes any thread used */

static int __attribute__((noinline)) calls_at_limit(void) {
  char buf[96];
  struct __cuckoo_obj *p = __cuckoo_new(&node_type, &here);
  __cuckoo_delete(p, &node_type, 0, &here);
  unsigned *len = (unsigned *)buf;
  *len = 80;
  __cuckoo_snprintf(buf + 4, LIT("%d %s %.17g %e %f %x"), 42, LIT("str"), 0.1, 1e300, 1e300, 255u);
  struct mutex *m = __cuckoo_mutex_new();
  __cuckoo_mutex_lock(m);
  __cuckoo_mutex_unlock(m);
  __cuckoo_mutex_free(m);
  struct cond *c = __cuckoo_cond_new();
  __cuckoo_cond_signal(c);
  __cuckoo_cond_broadcast(c);
  __cuckoo_cond_free(c);
  int r = __cuckoo_join(spawn0(one_thunk));
  __cuckoo_raise(SIGUSR2);
  return r;
}

static int __attribute__((noinline)) descend(unsigned room) {
  volatile char *pad = __builtin_alloca(room);
  pad[0] = 0;
  return calls_at_limit();
}

static int near_limit_thunk(const struct __cuckoo_args *a) {
  int rounds = *(const int *)a;
  unsigned limit = __cuckoo_stack_limit;
  unsigned char *low = (unsigned char *)(uintptr_t)(limit - RT_STACK_RESERVE);
  for (int r = 0; r < rounds; r++) {
    memset(low, PATTERN, RT_STACK_RESERVE);
    unsigned sp = (unsigned)(uintptr_t)__builtin_frame_address(0);
    /* As deep as a Cuckoo frame may go: a few words above the limit. */
    if (descend(sp - limit - 256) != 1)
      fail("near-limit: wrong result");
    unsigned used = 0;
    for (unsigned i = 0; i < RT_STACK_RESERVE; i++)
      if (low[i] != PATTERN) {
        used = RT_STACK_RESERVE - i;
        break;
      }
    if (used > deepest_use)
      deepest_use = used;      /* a race between threads only loses a maximum */
    if (low[0] != PATTERN || low[1] != PATTERN)
      fail("near-limit: the runtime used the whole reserve");
  }
  return 0;
}

static void on_usr2_quiet(int sig) {
  (void)sig;
  __atomic_fetch_add(&handled, 1, __ATOMIC_RELAXED);
}

static volatile int near_done;
static struct thread *near_threads[4];
/* Sends SIGUSR2 and, with near_all, every standard signal a program may
 * catch (not the real-time ones: they queue, and the queue is shared by
 * all the user's processes): kernel frames of many signals could nest
 * inside one another below a thread's limit. */
static int near_all;
static const int all_sigs[] = { SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGPIPE, SIGALRM, SIGTERM,
                                SIGSTKFLT, SIGCHLD, SIGCONT, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG,
                                SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGWINCH, SIGIO, SIGPWR,
                                SIGSYS };
#define NSIGS_ALL ((int)(sizeof all_sigs / sizeof all_sigs[0]))
static void *near_flooder(void *arg) {
  (void)arg;
  while (!__atomic_load_n(&near_done, __ATOMIC_ACQUIRE)) {
    kill(getpid(), SIGUSR2);
    if (near_all) {
      for (int i = 0; i < NSIGS_ALL; i++)
        kill(getpid(), all_sigs[i]);
    }
  }
  return NULL;
}

static void near_limit(int rounds) {
  __cuckoo_signal_handler(SIGUSR2, on_usr2_quiet);
  sigset_t usr2, old;
  sigemptyset(&usr2);
  sigaddset(&usr2, SIGUSR2);
  if (near_all)
    for (int i = 0; i < NSIGS_ALL; i++) {
      __cuckoo_signal_handler(all_sigs[i], on_usr2_quiet);
      sigaddset(&usr2, all_sigs[i]);
    }
  pthread_sigmask(SIG_BLOCK, &usr2, &old);
  pthread_t f;
  pthread_create(&f, NULL, near_flooder, NULL);
  /* The workers take the signals: they inherit this thread's mask. */
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  for (int i = 0; i < 4; i++)
    near_threads[i] = __cuckoo_spawn(near_limit_thunk, (const struct __cuckoo_args *)&rounds,
                                     sizeof rounds, &here);
  for (int i = 0; i < 4; i++)
    __cuckoo_join(near_threads[i]);
  __atomic_store_n(&near_done, 1, __ATOMIC_RELEASE);
  pthread_join(f, NULL);
  if (getenv("CUCKOO_RT_THREAD_VERBOSE") != NULL) {
    char num[16];
    int k = sizeof num;
    num[--k] = 0;
    unsigned v = deepest_use;
    do num[--k] = (char)('0' + v % 10); while ((v /= 10) != 0);
    say("deepest use of the reserve: ");
    say(num + k);
    say(" bytes\n");
  }
  if (deepest_use > RT_STACK_RESERVE / 4)
    fail("near-limit: runtime calls and signal frames used over a quarter of the reserve");
  __cuckoo_printf(LIT("near-limit: %d rounds in 4 threads, within the reserve\n"), rounds);
}

/* ---- forged and wrong handles ---------------------------------------------- */

static struct { unsigned words[16]; } fake;

static int __attribute__((noinline)) forged(const char *what) {
  if (__cuckoo_strcmp(what, LIT("forged-join")) == 0)
    return __cuckoo_join((struct thread *)&fake.words[4]);
  if (__cuckoo_strcmp(what, LIT("heap-mutex")) == 0) {
    /* A struct mutex the program defined itself, on the heap. */
    __cuckoo_mutex_lock((struct mutex *)__cuckoo_new(&node_type, &here));
    return 0;
  }
  if (__cuckoo_strcmp(what, LIT("inside-mutex")) == 0) {
    __cuckoo_mutex_unlock((struct mutex *)((char *)__cuckoo_mutex_new() + 4));
    return 0;
  }
  if (__cuckoo_strcmp(what, LIT("unmade-mutex")) == 0) {
    /* Inside the reservation, on a boundary, but never handed out. */
    __cuckoo_mutex_lock((struct mutex *)((char *)__cuckoo_mutex_new() + 8 * 1000));
    return 0;
  }
  if (__cuckoo_strcmp(what, LIT("cond-as-mutex")) == 0) {
    __cuckoo_mutex_lock((struct mutex *)__cuckoo_cond_new());
    return 0;
  }
  if (__cuckoo_strcmp(what, LIT("mutex-as-cond")) == 0) {
    __cuckoo_cond_signal((struct cond *)__cuckoo_mutex_new());
    return 0;
  }
  if (__cuckoo_strcmp(what, LIT("mutex-as-thread")) == 0)
    return __cuckoo_join((struct thread *)__cuckoo_mutex_new());
  if (__cuckoo_strcmp(what, LIT("cond-wait-fake")) == 0) {
    __cuckoo_cond_wait(__cuckoo_cond_new(), (struct mutex *)&fake);
    return 0;
  }
  if (__cuckoo_strcmp(what, LIT("mutex-free-twice")) == 0) {
    struct mutex *m = __cuckoo_mutex_new();
    __cuckoo_mutex_free(m);
    __cuckoo_mutex_free(m);
    return 0;
  }
  if (__cuckoo_strcmp(what, LIT("cond-free-twice")) == 0) {
    struct cond *c = __cuckoo_cond_new();
    __cuckoo_cond_free(c);
    __cuckoo_cond_broadcast(c);
    return 0;
  }
  return -1;
}

/* ---- self-join ------------------------------------------------------------- */

static struct thread *volatile me;
static int self_thunk(const struct __cuckoo_args *a) {
  (void)a;
  while (me == NULL)
    sched_yield();
  __cuckoo_join(me);
  say("join of itself returned\n");
  _exit(1);
}

int __cuckoo_main(int argc, char **argv) {
  const char *what = argc > 1 ? argv[1] : LIT("none");
  int rounds = argc > 2 ? __cuckoo_atoi(argv[2]) : 100;
  if (__cuckoo_strcmp(what, LIT("race-join")) == 0)
    race_join(rounds);
  else if (__cuckoo_strcmp(what, LIT("stale-join")) == 0)
    stale_join(rounds);
  else if (__cuckoo_strcmp(what, LIT("handler-calls")) == 0)
    handler_calls(rounds);
  else if (__cuckoo_strcmp(what, LIT("near-limit")) == 0)
    near_limit(rounds);
  else if (__cuckoo_strcmp(what, LIT("near-limit-all")) == 0) {
    near_all = 1;
    near_limit(rounds);
  }
  else if (__cuckoo_strcmp(what, LIT("signal-start")) == 0)
    signal_start(rounds);
  else if (__cuckoo_strcmp(what, LIT("spawn-huge-args")) == 0) {
    /* An argument block whose size, rounded up to 16, wraps to 0 in a
     * 32-bit size_t: it must trap, not copy 4 GiB over the stacks. */
    static char block[16];
    __cuckoo_spawn(short_thunk, (const struct __cuckoo_args *)block, 0xfffffff8u, &here);
    say("spawn with a wrapping block size returned\n");
  }
  else if (__cuckoo_strcmp(what, LIT("self-join")) == 0) {
    struct thread *t = spawn0(self_thunk);
    me = t;
    for (;;)
      pause();
  } else if (forged(what) < 0)
    fail("no such scenario");
  return 0;
}
