/* process.c -- exit, abort, the clock, rand and getenv of cuckoo.ckh.
 *
 * exit flushes the output files and ends the whole process at once
 * (_exit: other threads may still run and must not see libc tear down).
 * rand is glibc's own algorithm (the TYPE_3 additive feedback generator),
 * so a Cuckoo program prints the same numbers as its C original; its state
 * is guarded by a runtime lock, which makes it safe from handlers too. */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rt.h"

int __cuckoo_raise(int sig);
void __cuckoo_signal_handler(int sig, void (*f)(int));

void __cuckoo_exit(int status) {
  rt_flush_all(1);
  _exit(status);
}

/* Like C's abort (SIGABRT, which the program may catch; if its handler
 * returns the process still ends), but what the program printed is
 * flushed first, as far as that needs no waiting -- as for a trap. */
void __cuckoo_abort(void) {
  rt_flush_all(0);
  /* the program's handler, on this thread (signal.c routes the rest) */
  __cuckoo_raise(SIGABRT);
  if (rt_signals_routed()) {
    /* the default action, on the signal thread: under qemu-i386 a thread
     * that died of it while another waits in sigwaitinfo would hang */
    __cuckoo_signal_handler(SIGABRT, NULL);
    __cuckoo_raise(SIGABRT);
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = SIG_DFL;
  sigaction(SIGABRT, &sa, NULL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGABRT);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
  raise(SIGABRT);
  _exit(134);
}

long long __cuckoo_clock_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

/* ---- rand: glibc's random() with its default state size ---------------- */

static rt_lock_t rand_lock = RT_LOCK_INIT;
static int32_t rand_state[31];
static unsigned rand_front, rand_rear;   /* r[i-3] and r[i-31] in the ring */
static int rand_seeded;

/* One step of the additive feedback: r[i] = r[i-3] + r[i-31] (mod 2^32). */
static int next_locked(void) {
  uint32_t v = (uint32_t)rand_state[rand_front] + (uint32_t)rand_state[rand_rear];
  rand_state[rand_front] = (int32_t)v;
  rand_front = (rand_front + 1) % 31;
  rand_rear = (rand_rear + 1) % 31;
  return (int)(v >> 1);
}

static void seed_locked(unsigned seed) {
  int32_t *r = rand_state;
  r[0] = (int32_t)(seed ? seed : 1);
  for (int i = 1; i < 31; i++) {
    /* r[i] = 16807 * r[i-1] % 2147483647, without overflow (Schrage). */
    int32_t hi = r[i - 1] / 127773, lo = r[i - 1] % 127773;
    int32_t word = 16807 * lo - 2836 * hi;
    if (word < 0)
      word += 2147483647;
    r[i] = word;
  }
  rand_front = 3;
  rand_rear = 0;
  rand_seeded = 1;
  /* glibc discards the first 310 outputs. */
  for (int i = 0; i < 310; i++)
    next_locked();
}

void __cuckoo_srand(unsigned seed) {
  rt_lock(&rand_lock);
  seed_locked(seed);
  rt_unlock(&rand_lock);
}

int __cuckoo_rand(void) {
  rt_lock(&rand_lock);
  if (!rand_seeded)
    seed_locked(1);
  int result = next_locked();
  rt_unlock(&rand_lock);
  return result;
}

/* ---- getenv ---------------------------------------------------------------- */

extern char **environ;

/* A fresh char array holding the value (with its NUL), or NULL if NAME is
 * not set.  The environment is only read: nothing in Cuckoo changes it. */
char *__cuckoo_getenv(const char *name) {
  RT_CHECK_NULL(RT_HERE, name, "getenv");
  const struct __cuckoo_site *site = rt_callsite(RT_HERE);
  unsigned len = RT_LEN(name), n = 0;
  while (n < len && name[n] != 0)
    n++;
  for (char **e = environ; e && *e; e++) {
    if (strncmp(*e, name, n) == 0 && (*e)[n] == '=') {
      const char *value = *e + n + 1;
      unsigned vlen = (unsigned)strlen(value);
      char *copy = rt_new_chars(vlen + 1, site);
      memcpy(copy, value, vlen + 1);
      return copy;
    }
  }
  return NULL;
}
