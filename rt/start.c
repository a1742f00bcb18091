/* start.c -- the C main of every Cuckoo program (doc/abi.md "Start-up").
 *
 * Installed, linked with the runtime's type block, as cuckoo-start.o: it
 * sets the main thread's stack limit before any Cuckoo code runs, gives
 * __cuckoo_main its argv as Cuckoo arrays on the heap (a char (*[argc])[]
 * of char arrays, each the argument with its NUL), and ends the process
 * with the result after flushing the output. */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "rt.h"

int __cuckoo_main(int argc, char **argv);

#define DEFAULT_MAIN_STACK ((size_t)8 << 20)

/* The highest address of the initial stack: the kernel puts the argument
 * and environment strings at its top. */
static uintptr_t stack_top(int argc, char **argv, char **envp) {
  uintptr_t top = (uintptr_t)&argv;
  for (int i = 0; i < argc; i++)
    if ((uintptr_t)argv[i] + strlen(argv[i]) + 1 > top)
      top = (uintptr_t)argv[i] + strlen(argv[i]) + 1;
  for (char **e = envp; e && *e; e++)
    if ((uintptr_t)*e + strlen(*e) + 1 > top)
      top = (uintptr_t)*e + strlen(*e) + 1;
  return (top + 4095) & ~(uintptr_t)4095;
}

static void set_main_stack_limit(int argc, char **argv, char **envp) {
  struct rlimit rl;
  size_t size = DEFAULT_MAIN_STACK;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    size = (size_t)rl.rlim_cur;
  uintptr_t top = stack_top(argc, argv, envp);
  uintptr_t here = (uintptr_t)&rl;
  uintptr_t limit;
  if (size > top)
    size = top;
  /* A stack too small for the margin and the reserve leaves Cuckoo code
   * no room at all: every checked frame traps. */
  if (size <= RT_MAIN_STACK_MARGIN + RT_STACK_RESERVE)
    limit = here;
  else
    limit = top - size + RT_MAIN_STACK_MARGIN + RT_STACK_RESERVE;
  if (limit > here)
    limit = here;
  __cuckoo_stack_limit = (unsigned)limit;
}

/* The C main, under the name cuckoo-ld's `--wrap=main` gives crt1's call:
 * the executable then has no symbol `main` but the user's (whose debugging
 * information names __cuckoo_main `main`), so gdb's `break main` stops
 * there only (doc/backend.md "Debugging information"). */
int __wrap_main(int argc, char **argv, char **envp) {
  rt_write_startup_length_words(); /* before any Cuckoo code reads one */
  set_main_stack_limit(argc, argv, envp);
  signal(SIGPIPE, SIG_IGN);        /* LANGUAGE.md §12.1: writes to a closed socket give -EPIPE */
  rt_thread_stack_size();          /* read CUCKOO_THREAD_STACK once, now */

  char **cargv = (char **)__cuckoo_new_array(&rt_type_char_array_ptr, argc, NULL);
  for (int i = 0; i < argc; i++) {
    size_t n = strlen(argv[i]) + 1;
    char *s = rt_new_chars((unsigned)n, NULL);
    memcpy(s, argv[i], n);
    cargv[i] = s;
  }
  __cuckoo_exit(__cuckoo_main(argc, cargv));
}
