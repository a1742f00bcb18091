/* sys.c -- files, time, processes, the assert failure and the helpers of
 * the systems interface (LANGUAGE.md §12.1, doc/runtime.md "The systems
 * interface").
 *
 * Every function returns -errno on failure; Cuckoo has no errno to set.
 * Array arguments are checked before any effect: NULL
 * traps null, a count or offset past an end traps bounds, and a path
 * without a NUL inside its array is -EINVAL.
 *
 * No descriptor may reach memory (LANGUAGE.md §12.1): open refuses the
 * files through which a process can read or write memory -- /proc/PID/mem
 * (and any other procfs file named mem) and the memory devices /dev/mem,
 * /dev/kmem, /dev/port -- opens nothing on procfs for writing, and opens
 * no file mapped into the process (its libraries) for writing. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "sys.h"

#ifndef PROC_SUPER_MAGIC
#define PROC_SUPER_MAGIC 0x9fa0
#endif

/* ---- helpers (sys.h) ----------------------------------------------------- */

int rt_has_nul(const char *s) { return rt_bounded_len(s) < RT_LEN(s); }

int rt_neg_errno(void) { return errno > 0 ? -errno : -EIO; }

void rt_check_range(const void *ret, const char *fn, unsigned off, unsigned n, unsigned len) {
  /* off + n <= len without computing off + n, which may wrap */
  if (off <= len && n <= len - off)
    return;
  char text[160];
  snprintf(text, sizeof text, "%s: offset %u + count %u exceeds array length %u", fn, off, n,
           len);
  rt_trap_text(rt_callsite(ret), "bounds", text);
}

/* ---- assert ----------------------------------------------------------------- */

/* The assert macro's failure: kind assert, the expression's text as the
 * detail (at most what the array holds, cut at 400 characters), at the
 * call, which is the assert's position. */
void __cuckoo_assert_fail(const char *expr) {
  const void *ret = RT_HERE;
  RT_CHECK_NULL(ret, expr, "assert");
  char text[404];
  unsigned n = rt_bounded_len(expr);
  if (n > 400)
    n = 400;
  memcpy(text, expr, n);
  text[n] = 0;
  rt_trap_text(rt_callsite(ret), "assert", text);
}

/* ---- files ------------------------------------------------------------------- */

static rt_lock_t open_lock = RT_LOCK_INIT;

/* Is the file (DEV, INO) mapped into this process?  Then writing it would
 * write the process's memory: a MAP_PRIVATE page not yet copied shows the
 * file's new bytes (the C library's code, say, which root may write).
 * Reads /proc/self/maps; when they cannot be read, the answer is yes. */
static int mapped_here(dev_t dev, ino_t ino) {
  int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 1;
  char buf[4097];
  size_t have = 0;
  int found = 0, eof = 0;
  while (!found && !(eof && have == 0)) {
    char *nl = memchr(buf, '\n', have);
    if (!nl && !eof && have < sizeof buf - 1) {
      ssize_t r = read(fd, buf + have, sizeof buf - 1 - have);
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0) {
        found = 1;
        break;
      }
      if (r == 0)
        eof = 1;
      have += (size_t)r;
      continue;
    }
    /* one line (or the first 4096 bytes of a longer one; the rest of it
     * is then read as a line that does not parse):
     * start-end perms offset major:minor inode path */
    size_t line_len = nl ? (size_t)(nl - buf) : have;
    buf[line_len] = 0;
    unsigned maj, min;
    unsigned long long inode;
    if (sscanf(buf, "%*s %*s %*s %x:%x %llu", &maj, &min, &inode) == 3 && inode != 0
        && maj == major(dev) && min == minor(dev) && inode == (unsigned long long)ino)
      found = 1;
    size_t used = nl ? line_len + 1 : have;
    memmove(buf, buf + used, have - used);
    have -= used;
  }
  close(fd);
  return found;
}

/* Does the open descriptor FD give access to memory? */
static int reaches_memory(int fd, int writing) {
  struct stat st;
  if (fstat(fd, &st) != 0)
    return 1;
  if (S_ISCHR(st.st_mode) && major(st.st_rdev) == 1
      && (minor(st.st_rdev) == 1 || minor(st.st_rdev) == 2 || minor(st.st_rdev) == 4))
    return 1;
  if (writing && S_ISREG(st.st_mode) && mapped_here(st.st_dev, st.st_ino))
    return 1;
  struct statfs sf;
  if (fstatfs(fd, &sf) != 0)
    return 1;
  if (sf.f_type != PROC_SUPER_MAGIC)
    return 0;
  if (writing)
    return 1;
  char link[40], target[512];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t k = readlink(link, target, sizeof target - 1);
  if (k <= 0)
    return 1;                      /* a procfs file we cannot name: refuse */
  target[k] = 0;
  const char *base = strrchr(target, '/');
  base = base ? base + 1 : target;
  return strcmp(base, "mem") == 0;
}

/* open(2) that cannot give a descriptor onto memory.  The file is first
 * opened with O_PATH (which can neither read nor write) and checked; the
 * real descriptor is then opened through /proc/self/fd of that probe, so
 * it is the very file that was checked even if the path changes meanwhile.
 * One lock serializes the probes, so no other thread's open can hand out a
 * probe onto memory while we reopen by number. */
int __cuckoo_open(const char *path, int flags, int mode) {
  RT_CHECK_NULL(RT_HERE, path, "open");
  if (!rt_has_nul(path))
    return -EINVAL;
  int saved = errno;
  int writing = (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC);
  flags |= O_CLOEXEC;
  int result;
  rt_lock(&open_lock);
  int probe = open(path, O_PATH | O_CLOEXEC | (flags & O_NOFOLLOW));
  if (probe < 0) {
    if (errno == ENOENT && (flags & O_CREAT)) {
      /* A new file: it cannot be one of memory's, but check what we got. */
      result = open(path, flags, (mode_t)(mode & 07777));
      if (result < 0) {
        result = rt_neg_errno();
      } else if (reaches_memory(result, writing)) {
        close(result);
        result = -EACCES;
      }
    } else {
      result = rt_neg_errno();
    }
  } else if (reaches_memory(probe, writing)) {
    result = -EACCES;
  } else if ((flags & O_CREAT) && (flags & O_EXCL)) {
    result = -EEXIST;
  } else {
    char link[40];
    snprintf(link, sizeof link, "/proc/self/fd/%d", probe);
    result = open(link, flags & ~(O_CREAT | O_EXCL | O_NOFOLLOW), (mode_t)(mode & 07777));
    if (result < 0 && errno == ENOENT && access("/proc/self/fd", F_OK) != 0) {
      /* No procfs: nothing on it can be opened either; check afterwards. */
      result = open(path, flags, (mode_t)(mode & 07777));
      if (result >= 0 && reaches_memory(result, writing)) {
        close(result);
        result = -EACCES;
      }
    }
    if (result < 0 && result != -EACCES)
      result = rt_neg_errno();
  }
  if (probe >= 0)
    close(probe);
  rt_unlock(&open_lock);
  errno = saved;
  return result;
}

int __cuckoo_close(int fd) { return close(fd) == 0 ? 0 : rt_neg_errno(); }

long long __cuckoo_lseek(int fd, long long offset, int whence) {
  off64_t r = lseek64(fd, (off64_t)offset, whence);
  return r < 0 ? rt_neg_errno() : (long long)r;
}

int __cuckoo_fsync(int fd) { return fsync(fd) == 0 ? 0 : rt_neg_errno(); }

int __cuckoo_unlink(const char *path) {
  RT_CHECK_NULL(RT_HERE, path, "unlink");
  if (!rt_has_nul(path))
    return -EINVAL;
  return unlink(path) == 0 ? 0 : rt_neg_errno();
}

int __cuckoo_rename(const char *from, const char *to) {
  RT_CHECK_NULL(RT_HERE, from, "rename");
  RT_CHECK_NULL(RT_HERE, to, "rename");
  if (!rt_has_nul(from) || !rt_has_nul(to))
    return -EINVAL;
  return rename(from, to) == 0 ? 0 : rt_neg_errno();
}

int __cuckoo_mkdir(const char *path, int mode) {
  RT_CHECK_NULL(RT_HERE, path, "mkdir");
  if (!rt_has_nul(path))
    return -EINVAL;
  return mkdir(path, (mode_t)(mode & 07777)) == 0 ? 0 : rt_neg_errno();
}

int __cuckoo_read_bytes(int fd, char *b, unsigned n);
int __cuckoo_write_bytes(int fd, const char *b, unsigned n);

/* A Cuckoo char array on the C stack, to pass part of an array to
 * read_bytes/write_bytes (io.c), which own descriptors 0, 1 and 2. */
#define BOUNCE 4096
struct bounce {
  unsigned len;
  char b[BOUNCE];
};

int __cuckoo_read_into(int fd, char *b, unsigned off, unsigned n) {
  RT_CHECK_NULL(RT_HERE, b, "read_into");
  rt_check_range(RT_HERE, "read_into", off, n, RT_LEN(b));
  rt_check_store(RT_HERE, b + off, n, "read_into");
  if (fd >= 0 && fd <= 2) {
    /* stdin's buffered input comes first: read through io.c */
    struct bounce t;
    t.len = n < BOUNCE ? n : BOUNCE;
    int r = __cuckoo_read_bytes(fd, t.b, t.len);
    if (r > 0)
      memcpy(b + off, t.b, (size_t)r);
    return r;
  }
  if (n == 0)
    return 0;
  int saved = errno;
  ssize_t r;
  do
    r = read(fd, b + off, n);
  while (r < 0 && errno == EINTR);
  int result = r < 0 ? rt_neg_errno() : (int)r;
  errno = saved;
  return result;
}

int __cuckoo_write_from(int fd, const char *b, unsigned off, unsigned n) {
  RT_CHECK_NULL(RT_HERE, b, "write_from");
  rt_check_range(RT_HERE, "write_from", off, n, RT_LEN(b));
  if (fd >= 0 && fd <= 2) {
    /* stdout and stderr stay in order with printf: write through io.c */
    unsigned done = 0;
    struct bounce t;
    while (done < n) {
      unsigned k = n - done < BOUNCE ? n - done : BOUNCE;
      memcpy(t.b, b + off + done, k);
      t.len = k;
      int r = __cuckoo_write_bytes(fd, t.b, k);
      if (r < 0)
        return done > 0 ? (int)done : r;
      done += k;
    }
    return (int)n;
  }
  int saved = errno;
  int r = rt_write_all(fd, b + off, n);
  errno = saved;
  if (r == -EPIPE || r == -EFBIG)
    rt_take_thread_signals();       /* the handler of SIGPIPE or SIGXFSZ runs */
  return r == 0 ? (int)n : r;
}

/* ---- time ------------------------------------------------------------------ */

/* At least NS nanoseconds of the monotonic clock; a signal's handler runs
 * meanwhile and the sleep goes on to the same deadline. */
void __cuckoo_sleep_ns(long long ns) {
  if (ns <= 0)
    return;
  int saved = errno;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  long long sec = ns / 1000000000ll, frac = ns % 1000000000ll;
  struct timespec until;
  /* time_t is 32 bits here: a deadline past its range is "forever" */
  long long s = (long long)now.tv_sec + sec;
  long nsec = now.tv_nsec + (long)frac;
  if (nsec >= 1000000000l) {
    nsec -= 1000000000l;
    s++;
  }
  if (s > (long long)(((unsigned long long)1 << (sizeof(time_t) * 8 - 1)) - 1))
    s = (long long)(((unsigned long long)1 << (sizeof(time_t) * 8 - 1)) - 1);
  until.tv_sec = (time_t)s;
  until.tv_nsec = nsec;
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL) == EINTR)
    ;
  errno = saved;
}

long long __cuckoo_clock_realtime_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (long long)ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

unsigned __cuckoo_alarm(unsigned seconds) { return alarm(seconds); }

/* ---- processes ---------------------------------------------------------------- */

int __cuckoo_getpid(void) { return (int)getpid(); }

int __cuckoo_kill(int pid, int sig) {
  /* glibc's own signals (32 cancels a thread at its next system call, 33
   * runs set*id on every thread) are not the program's: as raise(), refuse
   * the ones between the standard signals and SIGRTMIN */
  if (sig >= 32 && sig < SIGRTMIN)
    return -EINVAL;
  /* The process itself, once signals are routed (signal.c): the handler
   * runs on this thread before kill returns, as POSIX has it for a sender
   * that does not block the signal; the signal thread would run it later. */
  if (pid == (int)getpid() && sig > 0 && sig < 64 && sig != SIGKILL && sig != SIGSTOP &&
      rt_signals_routed())
    return rt_signal_process(sig);
  int saved = errno;
  int r = kill((pid_t)pid, sig) == 0 ? 0 : rt_neg_errno();
  errno = saved;
  return r;
}
