/* harness.c -- the program afl-fuzz runs: one compilation of one input.
 *
 *   harness syntax|asm INPUT
 *
 * Runs the (instrumented) cuckoo-cc on a copy of INPUT named fuzz.ck, with
 * -I CUCKOO_FUZZ_INCLUDE so that inputs can #include the fixed headers of
 * testsuite/fuzz/include; cpp runs as cuckoo-cc's subprocess, as in a real
 * build, so #include, #line and macros are in the loop.  Mode `syntax`
 * compiles with -fsyntax-only, mode `asm` with -O2 -S and then assembles the
 * output with `as --32`.
 *
 * Every outcome a compiler must never have becomes abort() (afl-fuzz records
 * it as a crash): a signal, a sanitizer report, an exit status other than 0
 * and 1 (2 is cuckoo-cc's internal error), exit 1 without a diagnostic, and
 * assembly that `as` rejects.  A compilation that outlives
 * CUCKOO_FUZZ_TIMEOUT seconds (default 5) is killed with its whole process
 * group and the harness then waits to be killed, so afl-fuzz records a hang
 * (give afl-fuzz a larger -t) and no compiler or cpp is left running.
 *
 * CUCKOO_FUZZ_KNOWN_AS: `|`-separated substrings of assembler messages that
 * are known, already reported bugs; an assembler failure whose every Error
 * line contains one of them, or is about an assembly line one of them is
 * about, is not a finding (empty by default).
 *
 * Run by hand on a finding, it says why on stderr. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t child_pgid;
static volatile sig_atomic_t timed_out;
static char work[4096];

static void on_alarm(int sig) {
  (void)sig;
  timed_out = 1;
  if (child_pgid > 0)
    kill(-child_pgid, SIGKILL);
}

static void remove_work(void) {
  static const char *names[] = {"fuzz.ck", "fuzz.s", "fuzz.o", "cc.err", "as.err"};
  char p[4200];
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    snprintf(p, sizeof p, "%s/%s", work, names[i]);
    unlink(p);
  }
  rmdir(work);
}

static void finding(const char *why, const char *log) {
  fprintf(stderr, "fuzz harness: FINDING: %s\n", why);
  if (log) {
    FILE *f = fopen(log, "r");
    if (f) {
      char buf[4096];
      size_t n;
      while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        fwrite(buf, 1, n, stderr);
      fclose(f);
    }
  }
  remove_work();
  abort();
}

/* Runs ARGV in WORK with stdin /dev/null and stderr to ERR_PATH; returns
 * the wait status, or -1 after the timeout. */
static int run(char **argv, const char *err_path, int timeout) {
  pid_t pid = fork();
  if (pid < 0) {
    perror("fuzz harness: fork");
    exit(3);
  }
  if (pid == 0) {
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    close(198);                    /* afl's fork-server pipes are ours, not the compiler's */
    close(199);
    int in = open("/dev/null", O_RDONLY);
    int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || err < 0 || chdir(work) != 0)
      _exit(126);
    dup2(in, 0);
    dup2(err, 2);
    int out = open("/dev/null", O_WRONLY);
    dup2(out, 1);
    execvp(argv[0], argv);
    _exit(127);
  }
  setpgid(pid, pid);
  child_pgid = pid;
  timed_out = 0;
  alarm((unsigned)timeout);
  int st;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) {
      perror("fuzz harness: waitpid");
      exit(3);
    }
  alarm(0);
  kill(-pid, SIGKILL);             /* whatever it left behind */
  child_pgid = 0;
  return timed_out ? -1 : st;
}

static bool contains(const char *path, const char *needle) {
  FILE *f = fopen(path, "r");
  if (!f)
    return false;
  char line[8192];
  bool found = false;
  while (!found && fgets(line, sizeof line, f))
    found = strstr(line, needle) != NULL;
  fclose(f);
  return found;
}

static bool file_empty(const char *path) {
  struct stat s;
  return stat(path, &s) != 0 || s.st_size == 0;
}

static bool known_message(const char *line, const char *known) {
  for (const char *p = known; *p;) {
    const char *bar = strchr(p, '|');
    size_t n = bar ? (size_t)(bar - p) : strlen(p);
    char pat[512];
    if (n > 0 && n < sizeof pat) {
      memcpy(pat, p, n);
      pat[n] = '\0';
      if (strstr(line, pat))
        return true;
    }
    p += n + (bar != NULL);
  }
  return false;
}

/* The assembly line an `as` message is about ("fuzz.s:LINE: Error: ..."), or -1. */
static long message_line(const char *msg) {
  const char *c = strchr(msg, ':');
  return c ? strtol(c + 1, NULL, 10) : -1;
}

/* Is every "Error:" line of the assembler's messages a known bug, or about
 * an assembly line that a known message is about (its follow-on errors)? */
static bool only_known_as_errors(const char *path) {
  const char *known = getenv("CUCKOO_FUZZ_KNOWN_AS");
  if (!known || !*known)
    return false;
  FILE *f = fopen(path, "r");
  if (!f)
    return false;
  enum { MAX = 256 };
  char line[8192];
  long known_lines[MAX], other_lines[MAX];
  int nk = 0, no = 0;
  bool overflow = false;
  while (fgets(line, sizeof line, f)) {
    if (!strstr(line, "Error:"))
      continue;
    if (known_message(line, known)) {
      if (nk < MAX)
        known_lines[nk++] = message_line(line);
    } else if (no < MAX)
      other_lines[no++] = message_line(line);
    else
      overflow = true;
  }
  fclose(f);
  if (overflow || nk == 0)
    return false;
  for (int i = 0; i < no; i++) {
    bool k = false;
    for (int j = 0; j < nk && !k; j++)
      k = other_lines[i] >= 0 && other_lines[i] == known_lines[j];
    if (!k)
      return false;
  }
  return true;
}

static void copy(const char *from, const char *to) {
  int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (in < 0 || out < 0) {
    perror("fuzz harness: copying the input");
    exit(3);
  }
  char buf[65536];
  ssize_t n;
  while ((n = read(in, buf, sizeof buf)) > 0)
    if (write(out, buf, (size_t)n) != n) {
      perror("fuzz harness: copying the input");
      exit(3);
    }
  close(in);
  close(out);
}

int main(int argc, char **argv) {
  if (argc != 3 || (strcmp(argv[1], "syntax") && strcmp(argv[1], "asm"))) {
    fprintf(stderr, "usage: harness syntax|asm INPUT  (env CUCKOO_FUZZ_CC, CUCKOO_FUZZ_INCLUDE)\n");
    return 3;
  }
  bool asm_mode = !strcmp(argv[1], "asm");
  const char *cc = getenv("CUCKOO_FUZZ_CC");
  const char *inc = getenv("CUCKOO_FUZZ_INCLUDE");
  const char *t = getenv("CUCKOO_FUZZ_TIMEOUT");
  const char *tmp = getenv("TMPDIR");
  int timeout = t && atoi(t) > 0 ? atoi(t) : 5;
  if (!cc || !inc) {
    fprintf(stderr, "fuzz harness: set CUCKOO_FUZZ_CC and CUCKOO_FUZZ_INCLUDE\n");
    return 3;
  }
  snprintf(work, sizeof work, "%s/cuckoo-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(work)) {
    perror("fuzz harness: mkdtemp");
    return 3;
  }
  struct sigaction sa = {0};
  sa.sa_handler = on_alarm;
  sigaction(SIGALRM, &sa, NULL);

  char src[4200], err[4200], as_err[4200];
  snprintf(src, sizeof src, "%s/fuzz.ck", work);
  snprintf(err, sizeof err, "%s/cc.err", work);
  snprintf(as_err, sizeof as_err, "%s/as.err", work);
  copy(argv[2], src);

  char *cc_syntax[] = {(char *)cc, "-fsyntax-only", "-I", (char *)inc, "fuzz.ck", NULL};
  char *cc_asm[] = {(char *)cc, "-O2", "-S", "-I", (char *)inc, "-o", "fuzz.s", "fuzz.ck", NULL};
  int st = run(asm_mode ? cc_asm : cc_syntax, err, timeout);
  if (st == -1) {
    fprintf(stderr, "fuzz harness: FINDING: cuckoo-cc still running after %d s (a hang)\n", timeout);
    remove_work();
    for (;;)
      pause();                     /* afl-fuzz's -t kills us: recorded as a hang */
  }
  if (WIFSIGNALED(st))
    finding(strsignal(WTERMSIG(st)), err);
  if (contains(err, "Sanitizer") || contains(err, "runtime error:"))
    finding("sanitizer report", err);
  int code = WEXITSTATUS(st);
  if (code == 2)
    finding("exit 2 (internal error)", err);
  if (code != 0 && code != 1) {
    char why[64];
    snprintf(why, sizeof why, "exit %d", code);
    finding(why, err);
  }
  if (code == 1 && file_empty(err))
    finding("exit 1 without a diagnostic", err);
  if (asm_mode && code == 0) {
    char *as[] = {"as", "--32", "-o", "fuzz.o", "fuzz.s", NULL};
    int ast = run(as, as_err, timeout);
    if (ast == -1)
      finding("the assembler timed out", NULL);
    if (!WIFEXITED(ast) || WEXITSTATUS(ast) != 0) {
      if (!only_known_as_errors(as_err))
        finding("as --32 rejects the generated assembly", as_err);
    }
  }
  remove_work();
  return 0;
}
