/* io.c -- stdin, stdout, stderr over raw read(2)/write(2) with the
 * runtime's own buffers (no libc stdio).
 *
 * A FILE is a lock, a descriptor, a direction and one buffer.  Output to
 * stdout is fully buffered when it is not a terminal and line buffered
 * when it is; stderr is written at the end of every call.  write_bytes(1
 * or 2, ...) goes through the same FILE so it stays in order with printf;
 * other descriptors are written directly.  read_bytes(0, ...) first takes
 * what stdin has buffered.  A FILE's lock is a runtime lock (rt.h), so a
 * signal handler never runs while its thread is inside one of these
 * functions.
 *
 * The runtime believes no FILE * it is handed (LANGUAGE.md §12): the only
 * FILEs are the three below, and every FILE * argument -- and the current
 * value of the program's stdin/stdout variables, which it may assign --
 * is compared by address with them before anything is read from it, else
 * trap `cast'.  Output to stdin and input from stdout or stderr fail as in
 * C (EOF, -EBADF) and change nothing.  Buffer invariants, kept with
 * arithmetic that cannot wrap: input, pos <= len <= sizeof buf; output,
 * pos == 0 and len <= sizeof buf. */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "rt.h"

enum buffering { BUF_UNKNOWN, BUF_NONE, BUF_LINE, BUF_FULL };

struct file {
  rt_lock_t lock;
  int fd;
  int writing;                    /* an output FILE; never changes */
  enum buffering mode;
  size_t pos, len;                /* input: unread bytes are buf[pos, len); output: buf[0, len) */
  int eof;
  char buf[4096];
};

static struct file stdin_file = { RT_LOCK_INIT, 0, 0, BUF_FULL, 0, 0, 0, { 0 } };
static struct file stdout_file = { RT_LOCK_INIT, 1, 1, BUF_UNKNOWN, 0, 0, 0, { 0 } };
static struct file stderr_file = { RT_LOCK_INIT, 2, 1, BUF_NONE, 0, 0, 0, { 0 } };

struct file *__cuckoo_stdin = &stdin_file;
struct file *__cuckoo_stdout = &stdout_file;
struct file *__cuckoo_stderr = &stderr_file;

/* F if it is one of the runtime's FILEs; else trap at the Cuckoo call
 * whose return address is RET (FN names the runtime function). */
static struct file *file_arg(const void *ret, struct file *f, const char *fn) {
  RT_CHECK_NULL(ret, f, fn);
  if (f != &stdin_file && f != &stdout_file && f != &stderr_file)
    rt_trap_fn(ret, "cast", fn, ": FILE pointer not made by the runtime");
  return f;
}

/* The FILE the program's stdin or stdout variable names now, checked. */
static struct file *file_var(const void *ret, struct file *const *var, const char *fn) {
  return file_arg(ret, __atomic_load_n(var, __ATOMIC_RELAXED), fn);
}

int rt_write_all(int fd, const char *s, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, s, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w < 0)
      return errno > 0 ? -errno : -EIO;
    if (w == 0)
      return -EIO;
    s += w;
    n -= (size_t)w;
  }
  return 0;
}

static int is_terminal(int fd) {
  struct termios t;
  return ioctl(fd, TCGETS, &t) == 0;
}

void rt_file_lock(struct file *f) {
  rt_lock(&f->lock);
  if (f->mode == BUF_UNKNOWN)
    f->mode = is_terminal(f->fd) ? BUF_LINE : BUF_FULL;
}

void rt_file_unlock(struct file *f) {
  rt_unlock(&f->lock);
}

static int flush_locked(struct file *f) {
  if (!f->writing || f->len == 0)
    return 0;
  size_t n = f->len <= sizeof f->buf ? f->len : sizeof f->buf;
  int r = rt_write_all(f->fd, f->buf, n);
  f->len = 0;
  return r;
}

/* Appends S[0, N) to the output FILE F; nothing for an input FILE. */
void rt_file_put(struct file *f, const char *s, size_t n) {
  if (!f->writing)
    return;
  if (f->len > sizeof f->buf)     /* cannot happen; never trust it */
    f->len = 0;
  if (n > sizeof f->buf - f->len) {
    flush_locked(f);
    if (n >= sizeof f->buf) {
      rt_write_all(f->fd, s, n);
      return;
    }
  }
  memcpy(f->buf + f->len, s, n);
  f->len += n;
}

/* The end of one call's output: what the buffering mode asks to write now. */
static void end_output(struct file *f) {
  if (!f->writing || f->len > sizeof f->buf)
    return;
  if (f->mode == BUF_NONE || (f->mode == BUF_LINE && memchr(f->buf, '\n', f->len)))
    flush_locked(f);
}

void rt_flush_all(int wait) {
  struct file *files[2] = { &stdout_file, &stderr_file };
  for (int i = 0; i < 2; i++) {
    if (wait) {
      rt_file_lock(files[i]);
    } else if (!rt_trylock(&files[i]->lock)) {
      continue;
    }
    flush_locked(files[i]);
    rt_unlock(&files[i]->lock);
  }
}

/* ---- output ----------------------------------------------------------- */

struct file_sink {
  struct rt_sink sink;
  struct file *f;
};

static void file_sink_put(struct rt_sink *sink, const char *s, size_t n) {
  rt_file_put(((struct file_sink *)sink)->f, s, n);
}

/* Output to the input FILE fails as in C and has no effect: the format is
 * not even read. */
static int print_to(struct file *f, const char *fmt, va_list *ap) {
  if (!f->writing)
    return EOF_VALUE;
  struct file_sink fs = { { file_sink_put, 0 }, f };
  rt_file_lock(f);
  rt_vformat(&fs.sink, fmt, ap);
  end_output(f);
  rt_file_unlock(f);
  return fs.sink.count > 0x7fffffff ? 0x7fffffff : (int)fs.sink.count;
}

int __cuckoo_printf(const char *fmt, ...) {
  RT_CHECK_NULL(RT_HERE, fmt, "printf");
  va_list ap;
  struct file *f = file_var(RT_HERE, &__cuckoo_stdout, "printf");
  va_start(ap, fmt);
  int n = print_to(f, fmt, &ap);
  va_end(ap);
  return n;
}

int __cuckoo_fprintf(struct file *f, const char *fmt, ...) {
  file_arg(RT_HERE, f, "fprintf");
  RT_CHECK_NULL(RT_HERE, fmt, "fprintf");
  va_list ap;
  va_start(ap, fmt);
  int n = print_to(f, fmt, &ap);
  va_end(ap);
  return n;
}

static int put_string_line(struct file *f, const char *s, int newline) {
  if (!f->writing)
    return EOF_VALUE;
  size_t len = RT_LEN(s), n = 0;
  while (n < len && s[n] != 0)
    n++;
  rt_file_lock(f);
  rt_file_put(f, s, n);
  if (newline)
    rt_file_put(f, "\n", 1);
  end_output(f);
  rt_file_unlock(f);
  return 0;
}

int __cuckoo_puts(const char *s) {
  struct file *f = file_var(RT_HERE, &__cuckoo_stdout, "puts");
  RT_CHECK_NULL(RT_HERE, s, "puts");
  return put_string_line(f, s, 1);
}

int __cuckoo_putchar(int c) {
  struct file *f = file_var(RT_HERE, &__cuckoo_stdout, "putchar");
  if (!f->writing)
    return EOF_VALUE;
  char ch = (char)c;
  rt_file_lock(f);
  rt_file_put(f, &ch, 1);
  end_output(f);
  rt_file_unlock(f);
  return (unsigned char)ch;
}

/* fflush of stdin does nothing and succeeds (the runtime never discards
 * input it has read). */
int __cuckoo_fflush(struct file *f) {
  file_arg(RT_HERE, f, "fflush");
  rt_file_lock(f);
  int r = flush_locked(f);
  rt_file_unlock(f);
  return r == 0 ? 0 : EOF_VALUE;
}

/* Descriptors 0, 1 and 2 are the runtime's streams and keep their
 * directions: write_bytes(0, ...) and read_bytes(1 or 2, ...) fail with
 * -EBADF.  Other descriptors are the operating system's to check. */
int __cuckoo_write_bytes(int fd, const char *b, unsigned n) {
  RT_CHECK_NULL(RT_HERE, b, "write_bytes");
  RT_CHECK_COUNT(RT_HERE, n, RT_LEN(b), "write_bytes");
  if (fd == 0)
    return -EBADF;
  if (fd == 1 || fd == 2) {
    struct file *f = fd == 1 ? &stdout_file : &stderr_file;
    rt_file_lock(f);
    rt_file_put(f, b, n);
    end_output(f);
    rt_file_unlock(f);
    return (int)n;
  }
  int r = rt_write_all(fd, b, n);
  if (r == -EPIPE || r == -EFBIG)
    rt_take_thread_signals();       /* the handler of SIGPIPE or SIGXFSZ runs */
  return r == 0 ? (int)n : r;
}

/* ---- input ------------------------------------------------------------ */

/* Refills stdin's buffer; 0 at end of input or on an error.  Called with
 * the lock held: an EINTR (a signal deferred by our critical section) lets
 * the lock go briefly so that the handler runs, then reads again. */
static int fill_locked(struct file *f) {
  if (f->writing || f->eof)
    return 0;
  if (stdout_file.mode == BUF_LINE)
    rt_flush_all(0);              /* a prompt shows before we wait */
  for (;;) {
    ssize_t r = read(f->fd, f->buf, sizeof f->buf);
    if (r > 0) {
      f->pos = 0;
      f->len = (size_t)r;
      return 1;
    }
    if (r < 0 && errno == EINTR) {
      rt_unlock(&f->lock);
      rt_lock(&f->lock);
      if (f->pos < f->len && f->len <= sizeof f->buf)   /* another thread read meanwhile */
        return 1;
      continue;
    }
    f->eof = 1;
    return 0;
  }
}

/* Whether the input FILE F has an unread byte, reading more if needed;
 * never for an output FILE.  Called with F's lock held. */
static int input_ready(struct file *f) {
  if (f->writing)
    return 0;
  if (f->len > sizeof f->buf || f->pos > f->len)   /* cannot happen; never trust it */
    f->pos = f->len = 0;
  return f->pos < f->len || fill_locked(f);
}

int __cuckoo_getchar(void) {
  struct file *f = file_var(RT_HERE, &__cuckoo_stdin, "getchar");
  int c = EOF_VALUE;
  rt_lock(&f->lock);
  if (input_ready(f))
    c = (unsigned char)f->buf[f->pos++];
  rt_unlock(&f->lock);
  return c;
}

/* At the end of input, or when stdin names an output FILE, -1 and B is
 * left as it was. */
int __cuckoo_read_line(char *b) {
  struct file *f = file_var(RT_HERE, &__cuckoo_stdin, "read_line");
  RT_CHECK_NULL(RT_HERE, b, "read_line");
  unsigned cap = RT_LEN(b);
  rt_check_store(RT_HERE, b, cap, "read_line");
  unsigned n = 0;
  int got_any = 0;
  rt_lock(&f->lock);
  for (;;) {
    if (!input_ready(f))
      break;
    char c = f->buf[f->pos++];
    got_any = 1;
    if (c == '\n')
      break;
    /* Characters past lengthof(b)-1 are read and dropped (the line ends
     * where the input's line ends) but counted: the result is the line's
     * whole length, so a result >= lengthof(b) says it was cut short, as
     * snprintf's does. */
    if (n + 1 < cap)
      b[n] = c;
    if (n < 0x7fffffff)
      n++;
  }
  rt_unlock(&f->lock);
  if (!got_any)
    return -1;
  if (cap > 0)
    b[n + 1 < cap ? n : cap - 1] = 0;
  return (int)n;
}

int __cuckoo_read_bytes(int fd, char *b, unsigned n) {
  RT_CHECK_NULL(RT_HERE, b, "read_bytes");
  RT_CHECK_COUNT(RT_HERE, n, RT_LEN(b), "read_bytes");
  rt_check_store(RT_HERE, b, n, "read_bytes");
  if (fd == 1 || fd == 2)
    return -EBADF;
  if (n == 0)
    return 0;
  if (fd == 0) {
    struct file *f = &stdin_file;
    int r = 0;
    rt_lock(&f->lock);
    if (input_ready(f)) {
      size_t k = f->len - f->pos;
      if (k > n)
        k = n;
      memcpy(b, f->buf + f->pos, k);
      f->pos += k;
      r = (int)k;
    }
    rt_unlock(&f->lock);
    return r;
  }
  for (;;) {
    ssize_t r = read(fd, b, n);
    if (r < 0 && errno == EINTR)
      continue;
    return r < 0 ? (errno > 0 ? -errno : -EIO) : (int)r;
  }
}
