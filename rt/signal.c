/* signal.c -- signals, and the critical sections that make the runtime
 * safe against them (LANGUAGE.md §10).
 *
 * The runtime takes no signal for itself; signal_handler(sig, f) installs
 * one entry point, signal_entry, which runs f(sig) -- unless its thread is
 * inside a runtime critical section (it holds a runtime lock), in which
 * case the signal is recorded in the thread's pending set and f runs when
 * the section ends (rt_crit_leave).  So a handler never interrupts the
 * allocator, a FILE or a pool of its own thread; the C library's own locks
 * are kept out of handlers' way by thread.c (spawn blocks signals, join's
 * pthread_join and cond_signal run in a critical section), so a handler may
 * call any runtime function without deadlock (doc/runtime.md lists the
 * exceptions that are the program's own: a mutex its thread holds).  The
 * cost of a critical section is one thread-local increment, not a
 * sigprocmask system call.
 *
 * Handlers are installed without SA_RESTART: a read(2) that blocks inside
 * a critical section (getchar on a terminal) returns EINTR, and io.c then
 * leaves and re-enters the section so that the deferred handler runs.
 *
 * Routed delivery.  From the first spawn or signal_handler on (both come
 * first from the main thread while it is the only one), every Cuckoo
 * thread blocks the program's signals, and a thread of the runtime's own
 * takes them with sigwaitinfo and runs the handlers (or the default
 * action) there; raise, and kill of the process itself, run the handler
 * on the calling thread, synchronously, as C's raise does.  So no handler
 * of a Cuckoo program ever runs in a kernel signal frame: qemu-i386 7.2
 * reloads %gs from a descriptor table its threads share when a handler
 * returns, which left a thread with another thread's TLS (doc/runtime.md
 * "Signals with threads").  signal_entry and the deferral above remain
 * for threads that do not block them (C threads of the unit tests). */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <ucontext.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "rt.h"

__thread volatile unsigned rt_crit_depth;
__thread volatile unsigned rt_sig_pending[2];

#define RT_NSIG 64

typedef void handler_fn(int sig);
static handler_fn *volatile user_handlers[RT_NSIG];

/* ---- locks ------------------------------------------------------------- */

int rt_futex_wait(unsigned *addr, unsigned val, const struct timespec *rel) {
  int saved_errno = errno;
  long r = syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, rel, NULL, 0);
  int timed_out = r < 0 && errno == ETIMEDOUT;
  errno = saved_errno;
  return timed_out ? -ETIMEDOUT : 0;
}

void rt_futex_wake(unsigned *addr, int n) {
  int saved_errno = errno;
  syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
  errno = saved_errno;
}

void rt_lock(rt_lock_t *l) {
  rt_crit_enter();
  unsigned expected = 0;
  if (__atomic_compare_exchange_n(&l->state, &expected, 1, 0, __ATOMIC_ACQUIRE,
                                  __ATOMIC_RELAXED))
    return;
  /* Contended: mark "waiters" and sleep until the holder wakes us.  The
   * holder is another thread: ours cannot hold it, since handlers are
   * deferred while we are inside a critical section. */
  while (__atomic_exchange_n(&l->state, 2, __ATOMIC_ACQUIRE) != 0)
    rt_futex_wait(&l->state, 2, NULL);
}

int rt_trylock(rt_lock_t *l) {
  rt_crit_enter();
  unsigned expected = 0;
  if (__atomic_compare_exchange_n(&l->state, &expected, 1, 0, __ATOMIC_ACQUIRE,
                                  __ATOMIC_RELAXED))
    return 1;
  rt_crit_leave();
  return 0;
}

void rt_unlock(rt_lock_t *l) {
  if (__atomic_exchange_n(&l->state, 0, __ATOMIC_RELEASE) == 2)
    rt_futex_wake(&l->state, 1);
  rt_crit_leave();
}

/* ---- delivery ---------------------------------------------------------- */

/* A handler is not part of a domain its thread may be in (rt.h). */
static void run_handler(int sig) {
  handler_fn *f = __atomic_load_n(&user_handlers[sig], __ATOMIC_ACQUIRE);
  if (f != NULL) {
    struct rt_domain_frame *dom = rt_domain_suspend();
    f(sig);
    rt_domain_resume(dom);
  }
}

/* True when the thread runs runtime C code inside the reserve below its
 * stack limit (Cuckoo code never runs there). */
static int below_limit(void) {
  return (uintptr_t)__builtin_frame_address(0) < __cuckoo_stack_limit;
}

/* The kernel enters with every signal blocked (sa_mask is full), so kernel
 * frames cannot pile up while this decides.  A handler runs as the kernel
 * would have run it (the interrupted mask plus its own signal); it is
 * deferred instead inside a critical section, and when the thread is
 * inside its reserve: there, each nested signal would add a kernel frame
 * below the limit, and a flood of distinct signals would run the stack
 * into its neighbour's.  So below the limit there is at most one kernel
 * frame and this function's, whatever arrives. */
static void signal_entry(int sig, siginfo_t *info, void *ucontext) {
  (void)info;
  int saved_errno = errno;
  if (rt_crit_depth > 0 || below_limit()) {
    __atomic_fetch_or(&rt_sig_pending[sig / 32], 1u << (sig % 32), __ATOMIC_RELAXED);
  } else {
    sigset_t mask = ((ucontext_t *)ucontext)->uc_sigmask;
    sigaddset(&mask, sig);
    pthread_sigmask(SIG_SETMASK, &mask, NULL);
    run_handler(sig);
    /* sigreturn restores the interrupted mask. */
  }
  errno = saved_errno;
}

/* Runs the handlers deferred while the thread was in a critical section,
 * each with its own signal blocked, as the kernel would have run it. */
void rt_run_pending_signals(void) {
  /* Inside the reserve a handler would only trap stack: it stays pending
   * until a critical section ends with room above the limit. */
  if (below_limit())
    return;
  int saved_errno = errno;
  for (int sig = 1; sig < RT_NSIG; sig++) {
    unsigned bit = 1u << (sig % 32);
    if (!(rt_sig_pending[sig / 32] & bit))
      continue;
    __atomic_fetch_and(&rt_sig_pending[sig / 32], ~bit, __ATOMIC_RELAXED);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, sig);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    run_handler(sig);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
  }
  errno = saved_errno;
}

/* ---- routed delivery ------------------------------------------------------ */

static int routed;                /* 1 once the signal thread runs (atomic) */
static sigset_t routed_set;       /* every signal a program may catch */
/* Serialises signal_handler's changes with the default actions the signal
 * thread and raise take: a default action unblocks its signal for a
 * moment, and a handler installed meanwhile would then run in a kernel
 * frame. */
static rt_lock_t route_lock = RT_LOCK_INIT;

/* The signals a handler may be given: all but SIGKILL, SIGSTOP and
 * glibc's own (32 up to SIGRTMIN). */
static int routable(int sig) {
  return sig > 0 && sig < RT_NSIG && sig != SIGKILL && sig != SIGSTOP &&
         !(sig >= 32 && sig < SIGRTMIN);
}

int rt_signals_routed(void) { return __atomic_load_n(&routed, __ATOMIC_ACQUIRE); }

void rt_signals_block_routed(sigset_t *mask) {
  if (!rt_signals_routed())
    return;
  for (int sig = 1; sig < RT_NSIG; sig++)
    if (sigismember(&routed_set, sig))
      sigaddset(mask, sig);
}

/* Set on the signal thread.  Signals it has finished with, counted: a
 * futex word that a thread waiting for a default action watches. */
static __thread int on_signal_thread;
static unsigned dispatched;

/* Handlers this thread is running, and signals raised for them meanwhile:
 * a handler's own signal is blocked while it runs, as the kernel would
 * have it, so raising it from inside runs the handler again afterwards. */
static __thread unsigned sync_running[2], sync_pending[2];

/* The default action of SIG (no handler): it is taken by the kernel, on
 * this thread, with SIG unblocked for a moment -- terminate, stop, or
 * nothing.  Under route_lock, so that no handler is installed meanwhile;
 * 0 if one was installed before (the caller runs it). */
static int default_action(int sig) {
  rt_lock(&route_lock);
  int taken = __atomic_load_n(&user_handlers[sig], __ATOMIC_ACQUIRE) == NULL;
  if (taken) {
    sigset_t one, old;
    sigemptyset(&one);
    sigaddset(&one, sig);
    /* ignored or not, a signal pending on this thread is taken now */
    pthread_sigmask(SIG_UNBLOCK, &one, &old);
    raise(sig);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
  }
  rt_unlock(&route_lock);
  return taken;
}

/* The default action of SIG for a raise or kill on another thread: the
 * signal goes to the signal thread, and this thread waits until that has
 * dealt with it (for ever if it ends the process).  Taken anywhere else,
 * qemu-i386 would end the process by sending itself the signal again,
 * which the signal thread's sigwaitinfo could catch first. */
static void default_on_signal_thread(int sig) {
  unsigned before = __atomic_load_n(&dispatched, __ATOMIC_ACQUIRE);
  int saved_errno = errno;
  kill(getpid(), sig);
  while (__atomic_load_n(&dispatched, __ATOMIC_ACQUIRE) == before)
    rt_futex_wait(&dispatched, before, NULL);
  errno = saved_errno;
}

int rt_signal_here(int sig) {
  handler_fn *f = __atomic_load_n(&user_handlers[sig], __ATOMIC_ACQUIRE);
  if (f == NULL && !on_signal_thread) {
    default_on_signal_thread(sig);   /* or the handler installed meanwhile */
    return 0;
  }
  /* a handler installed while the default action waited for the lock
   * runs instead */
  while (f == NULL) {
    if (default_action(sig))
      return 0;
    f = __atomic_load_n(&user_handlers[sig], __ATOMIC_ACQUIRE);
  }
  unsigned bit = 1u << (sig % 32);
  if (sync_running[sig / 32] & bit) {
    sync_pending[sig / 32] |= bit;      /* runs when the handler returns */
    return 0;
  }
  sync_running[sig / 32] |= bit;
  struct rt_domain_frame *dom = rt_domain_suspend();   /* rt.h */
  do {
    sync_pending[sig / 32] &= ~bit;
    f(sig);
    f = __atomic_load_n(&user_handlers[sig], __ATOMIC_ACQUIRE);
  } while ((sync_pending[sig / 32] & bit) && f != NULL);
  rt_domain_resume(dom);
  sync_running[sig / 32] &= ~bit;
  return 0;
}

/* ---- waits that a handler interrupts ------------------------------------ *
 * A signal no longer lands on a Cuckoo thread, so it cannot interrupt the
 * thread's poll, tcp_accept or udp_recvfrom with EINTR by itself.  These
 * calls wait on one more descriptor, the read end of a pipe of the
 * current "generation": after the signal thread has run a handler, it
 * closes that pipe's write end, so every such wait sees POLLHUP and
 * returns -EINTR (net.c), and the next wait gets a new pipe. */
struct rt_wake {
  int rfd, wfd;
  unsigned users;                 /* waits using it, under wake_lock */
  int retired;                    /* its write end is closed */
  struct rt_wake *next_free;
};
static rt_lock_t wake_lock = RT_LOCK_INIT;
static struct rt_wake *wake_current, *wake_free;

struct rt_wake *rt_wake_begin(void) {
  if (!rt_signals_routed())
    return NULL;
  rt_lock(&wake_lock);
  struct rt_wake *w = wake_current;
  if (w == NULL) {
    w = wake_free;
    if (w != NULL)
      wake_free = w->next_free;
    else
      w = rt_meta_alloc(sizeof *w);
    int p[2];
    int saved_errno = errno;
    if (w != NULL && pipe2(p, O_CLOEXEC) == 0) {
      w->rfd = p[0];
      w->wfd = p[1];
      w->users = 0;
      w->retired = 0;
      wake_current = w;
    } else if (w != NULL) {
      w->next_free = wake_free;     /* no descriptor left: not interruptible */
      wake_free = w;
      w = NULL;
    }
    errno = saved_errno;
  }
  if (w != NULL)
    w->users++;
  rt_unlock(&wake_lock);
  return w;
}

int rt_wake_fd(struct rt_wake *w) { return w->rfd; }

void rt_wake_end(struct rt_wake *w) {
  if (w == NULL)
    return;
  rt_lock(&wake_lock);
  if (--w->users == 0 && w->retired) {
    int saved_errno = errno;
    close(w->rfd);
    errno = saved_errno;
    w->next_free = wake_free;
    wake_free = w;
  }
  rt_unlock(&wake_lock);
}

/* After a handler: every wait of the current generation returns -EINTR. */
static void wake_waiters(void) {
  rt_lock(&wake_lock);
  struct rt_wake *w = wake_current;
  if (w != NULL && w->users > 0) {
    int saved_errno = errno;
    close(w->wfd);
    errno = saved_errno;
    w->retired = 1;
    wake_current = NULL;
  }
  rt_unlock(&wake_lock);
}

/* kill of the process itself, routed: the handler runs on this thread,
 * and the other threads' waits return -EINTR, as if one of them had
 * taken the signal. */
int rt_signal_process(int sig) {
  rt_signal_here(sig);
  wake_waiters();
  return 0;
}

/* The signal thread: every signal blocked, it waits for the routed ones. */
static void signal_thread(void) {
  on_signal_thread = 1;
  for (;;) {
    siginfo_t info;
    int sig = sigwaitinfo(&routed_set, &info);
    if (sig > 0 && sig < RT_NSIG) {
      rt_signal_here(sig);
      wake_waiters();
      __atomic_add_fetch(&dispatched, 1, __ATOMIC_RELEASE);
      rt_futex_wake(&dispatched, 0x7fffffff);
    }
  }
}

/* The signals the kernel sent to this thread itself (SIGPIPE or SIGXFSZ
 * of its own write): blocked here and invisible to the signal thread,
 * they are taken now and run as deferred ones -- at once, or when the
 * thread's critical section ends. */
void rt_take_thread_signals(void) {
  if (!rt_signals_routed())
    return;
  int saved_errno = errno;
  struct timespec zero = {0, 0};
  siginfo_t info;
  int sig;
  while ((sig = sigtimedwait(&routed_set, &info, &zero)) > 0)
    if (sig < RT_NSIG)
      __atomic_fetch_or(&rt_sig_pending[sig / 32], 1u << (sig % 32), __ATOMIC_RELAXED);
  errno = saved_errno;
  if (rt_crit_depth == 0 && (rt_sig_pending[0] | rt_sig_pending[1]))
    rt_run_pending_signals();
}

/* Blocks the routed signals in the calling thread -- the main thread, the
 * only Cuckoo thread at the first call (spawn and signal_handler call this
 * before anything else) -- and starts the signal thread.  The signals
 * that arrive in between wait, pending, for the signal thread. */
void rt_signals_route(void) {
  if (rt_signals_routed())
    return;
  rt_lock(&route_lock);
  if (!routed) {
    sigemptyset(&routed_set);
    for (int sig = 1; sig < RT_NSIG; sig++)
      if (routable(sig))
        sigaddset(&routed_set, sig);
    pthread_sigmask(SIG_BLOCK, &routed_set, NULL);
    if (rt_start_runtime_thread(signal_thread)) {
      __atomic_store_n(&routed, 1, __ATOMIC_RELEASE);
    } else {
      /* No thread for it: the signals are delivered as before, directly. */
      pthread_sigmask(SIG_UNBLOCK, &routed_set, NULL);
    }
  }
  rt_unlock(&route_lock);
}

/* ---- the Cuckoo interface ----------------------------------------------- */

/* A signal the program may not catch (SIGKILL, SIGSTOP, glibc's own, or
 * out of range) is ignored here: there is nothing unsafe to report. */
void __cuckoo_signal_handler(int sig, handler_fn *f) {
  if (__cuckoo_domain_top != NULL)
    rt_domain_forbid(rt_callsite(RT_HERE), "signal_handler");
  if (!routable(sig))
    return;
  if (f != NULL)
    rt_signals_route();
  struct sigaction sa;
  sigfillset(&sa.sa_mask);
  rt_lock(&route_lock);
  __atomic_store_n(&user_handlers[sig], f, __ATOMIC_RELEASE);
  if (f != NULL) {
    sa.sa_flags = SA_SIGINFO;
    sa.sa_sigaction = signal_entry;
  } else {
    sa.sa_flags = 0;
    sa.sa_handler = SIG_DFL;
  }
  sigaction(sig, &sa, NULL);
  rt_unlock(&route_lock);
}

int __cuckoo_raise(int sig) {
  if (sig < 0 || sig >= RT_NSIG)
    return -1;
  if (sig > 0 && rt_signals_routed() && sigismember(&routed_set, sig))
    return rt_signal_here(sig);
  return raise(sig) == 0 ? 0 : -1;
}
