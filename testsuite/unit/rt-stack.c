/* rt-stack.c -- how much stack each runtime function uses (i386, the real
 * runtime), against the reserve kept below a thread's stack limit.
 *
 * Compiled Cuckoo code checks only its own frames against the limit, so a
 * runtime function called right at the limit runs in the 64 KiB reserve
 * (RT_STACK_RESERVE), which it shares with the kernel's signal frames and,
 * on the trap path, with the user's trap handler (lent half of it).  Every
 * function here must fit in RT_STACK_BUDGET with its worst arguments: one
 * that outgrew it would write over the neighbouring thread's stack (no
 * guard pages).  Each call runs on a thread stack painted with a pattern;
 * the lowest byte changed is the depth used.  Prints one line per function
 * and exits 1 if any is over budget. */
#include <fcntl.h>
#include <float.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rt.h"

#define RT_STACK_BUDGET (RT_STACK_RESERVE / 4)

int __cuckoo_printf(const char *fmt, ...);
int __cuckoo_fprintf(struct file *f, const char *fmt, ...);
int __cuckoo_snprintf(char *buf, const char *fmt, ...);
int __cuckoo_puts(const char *s);
int __cuckoo_putchar(int c);
int __cuckoo_fflush(struct file *f);
int __cuckoo_write_bytes(int fd, const char *b, unsigned n);
int __cuckoo_getchar(void);
int __cuckoo_read_bytes(int fd, char *b, unsigned n);
int __cuckoo_read_line(char *b);
unsigned __cuckoo_strlen(const char *s);
int __cuckoo_strcmp(const char *a, const char *b);
unsigned __cuckoo_strlcpy(char *dst, const char *src);
void __cuckoo_memcpy_array(char *dst, const char *src, unsigned n);
void __cuckoo_memset_array(char *dst, int c, unsigned n);
int __cuckoo_atoi(const char *s);
double __cuckoo_sqrt(double x);
double __cuckoo_pow(double x, double y);
double __cuckoo_exp(double x);
double __cuckoo_log(double x);
double __cuckoo_sin(double x);
double __cuckoo_cos(double x);
double __cuckoo_atan2(double y, double x);
long long __cuckoo_clock_ns(void);
int __cuckoo_rand(void);
void __cuckoo_srand(unsigned seed);
char *__cuckoo_getenv(const char *name);
struct thread *__cuckoo_spawn(int (*entry)(const struct __cuckoo_args *a),
                              const struct __cuckoo_args *a, unsigned size,
                              const struct __cuckoo_site *s);
int __cuckoo_join(struct thread *t);
struct mutex *__cuckoo_mutex_new(void);
void __cuckoo_mutex_lock(struct mutex *m);
void __cuckoo_mutex_unlock(struct mutex *m);
void __cuckoo_mutex_free(struct mutex *m);
struct cond *__cuckoo_cond_new(void);
void __cuckoo_cond_signal(struct cond *c);
void __cuckoo_cond_broadcast(struct cond *c);
void __cuckoo_cond_free(struct cond *c);
void __cuckoo_signal_handler(int sig, void (*f)(int));
int __cuckoo_raise(int sig);
/* the systems interface (LANGUAGE.md §12.1) */
int __cuckoo_open(const char *path, int flags, int mode);
int __cuckoo_close(int fd);
int __cuckoo_read_into(int fd, char *b, unsigned off, unsigned n);
int __cuckoo_write_from(int fd, const char *b, unsigned off, unsigned n);
const char *__cuckoo_strerror(int err);
int __cuckoo_parse_long(const char *s, unsigned *pos, int base, long long *out);
int __cuckoo_udp_bind(const char *host, int port);
int __cuckoo_udp_sendto(int fd, const char *b, unsigned n, const char *host, int port);
int __cuckoo_udp_recvfrom(int fd, char *b, unsigned n, char *host, int *port);
int __cuckoo_socket_port(int fd);
void __cuckoo_sleep_ns(long long ns);
int __cuckoo_str_find(const char *s, const char *needle);

#define LIT(s) (&(((struct { unsigned len; char c[sizeof(s)]; }){ sizeof(s), s }).c[0]))

static char *chars(unsigned n) {
  char *a = rt_new_chars(n, NULL);
  memset(a, 'x', n);
  return a;
}

static char *big_out, *big_in, *line;
static const struct __cuckoo_type int_type = { "i32", 4, 4, 1, NULL };
static double volatile sink_d;

static void f_snprintf_f(void) { __cuckoo_snprintf(big_out, LIT("%.16300f"), 1.0); }
static void f_snprintf_e(void) { __cuckoo_snprintf(big_out, LIT("%.1100e|%.1100f"), 5e-324, 5e-324); }
static void f_snprintf_g(void) { __cuckoo_snprintf(big_out, LIT("%#.2000g|%f"), DBL_MAX, -DBL_MAX); }
static void f_snprintf_int(void) {
  __cuckoo_snprintf(big_out, LIT("%-30000lld|%0*d|%.9000x|%s"), -1ll, 20000, 5, 7u, big_in);
}
static void f_printf(void) { __cuckoo_printf(LIT("%.16300f %s\n"), 1.0, big_in); }
static void f_fprintf(void) { __cuckoo_fprintf(__cuckoo_stderr, LIT("%.1100e\n"), 5e-324); }
static void f_puts(void) { __cuckoo_puts(big_in); }
static void f_putchar(void) { __cuckoo_putchar('\n'); }
static void f_fflush(void) { __cuckoo_fflush(__cuckoo_stdout); }
static void f_write_bytes(void) { __cuckoo_write_bytes(1, big_in, 10000); }
static void f_getchar(void) { __cuckoo_getchar(); }
static void f_read_bytes(void) { __cuckoo_read_bytes(0, big_out, 10000); }
static void f_read_line(void) { __cuckoo_read_line(line); }
static void f_strings(void) {
  __cuckoo_strlen(big_in);
  __cuckoo_strcmp(big_in, big_in);
  __cuckoo_strlcpy(big_out, big_in);
  __cuckoo_memcpy_array(big_out, big_in, 10000);
  __cuckoo_memset_array(big_out, 0, 10000);
  __cuckoo_atoi(LIT("  -2147483648"));
}
static void f_math(void) {
  sink_d = __cuckoo_sqrt(2.0) + __cuckoo_pow(0.99999999999, 1e15) + __cuckoo_pow(1.0000001, -1e300) +
           __cuckoo_exp(709.7) + __cuckoo_log(5e-324) + __cuckoo_sin(1e300) + __cuckoo_cos(1e22) +
           __cuckoo_atan2(1e-300, -1e300) + __cuckoo_atan2(0.7, 0.70000000000001);
}
static void f_process(void) {
  __cuckoo_clock_ns();
  __cuckoo_srand(7);
  __cuckoo_rand();
  __cuckoo_getenv(LIT("PATH"));
}
static void f_new_delete(void) {
  struct __cuckoo_obj *p = __cuckoo_new_array(&int_type, 100000, NULL);
  __cuckoo_delete(p, &int_type, 1, NULL);
  p = __cuckoo_new(&int_type, NULL);
  __cuckoo_delete(p, &int_type, 0, NULL);
}
static int thunk(const struct __cuckoo_args *a) { return a != NULL; }
static void f_spawn_join(void) {
  int arg = 1;
  __cuckoo_join(__cuckoo_spawn(thunk, (const struct __cuckoo_args *)&arg, sizeof arg, NULL));
}
static void f_mutex_cond(void) {
  struct mutex *m = __cuckoo_mutex_new();
  __cuckoo_mutex_lock(m);
  __cuckoo_mutex_unlock(m);
  __cuckoo_mutex_free(m);
  struct cond *c = __cuckoo_cond_new();
  __cuckoo_cond_signal(c);
  __cuckoo_cond_broadcast(c);
  __cuckoo_cond_free(c);
}
static void on_signal(int sig) { (void)sig; }
static void f_signal(void) {
  __cuckoo_signal_handler(SIGUSR1_VALUE, on_signal);
  __cuckoo_raise(SIGUSR1_VALUE);
}
static void f_sys_files(void) {
  /* for writing: open also reads /proc/self/maps */
  int fd = __cuckoo_open(LIT("/dev/null"), 1, 0);
  __cuckoo_close(fd);
  __cuckoo_open(LIT("/proc/self/mem"), 2, 0);
  __cuckoo_read_into(0, big_out, 10, 10000);
  __cuckoo_write_from(1, big_in, 10, 9000);
  __cuckoo_strerror(-2);
}
static void f_sys_misc(void) {
  unsigned pos = 0;
  long long v;
  __cuckoo_parse_long(LIT("  -9223372036854775809"), &pos, 0, &v);
  __cuckoo_str_find(big_in, LIT("xxy"));
  int u = __cuckoo_udp_bind(LIT("127.0.0.1"), 0);
  int port = __cuckoo_socket_port(u);
  __cuckoo_udp_sendto(u, big_in, 100, LIT("127.0.0.1"), port);
  char *host = chars(16);
  __cuckoo_udp_recvfrom(u, big_out, 200, host, &port);
  __cuckoo_close(u);
  __cuckoo_sleep_ns(1000);
}

static const struct {
  const char *name;
  void (*fn)(void);
} cases[] = {
  { "snprintf %.16300f", f_snprintf_f }, { "snprintf %.1100e %.1100f", f_snprintf_e },
  { "snprintf %#.2000g %f", f_snprintf_g }, { "snprintf integers, %s", f_snprintf_int },
  { "printf", f_printf }, { "fprintf", f_fprintf }, { "puts", f_puts }, { "putchar", f_putchar },
  { "fflush", f_fflush }, { "write_bytes", f_write_bytes }, { "getchar", f_getchar },
  { "read_bytes", f_read_bytes }, { "read_line", f_read_line }, { "strings", f_strings },
  { "math", f_math }, { "clock_ns rand getenv", f_process }, { "new delete", f_new_delete },
  { "spawn join", f_spawn_join }, { "mutex cond", f_mutex_cond }, { "signal_handler raise", f_signal },
  { "open read_into write_from strerror", f_sys_files },
  { "parse_long str_find udp sleep_ns", f_sys_misc },
};

#define STACK_SIZE ((size_t)1 << 20)
#define PAINT 0xa5
static unsigned char *stack_low;

/* Paints the stack from its low end to a little below the caller. */
__attribute__((noinline)) static void paint(void) {
  volatile unsigned char *p = stack_low;
  unsigned char *end = (unsigned char *)__builtin_frame_address(0) - 256;
  while (p < end)
    *p++ = PAINT;
}

__attribute__((noinline)) static size_t depth_below(const unsigned char *base) {
  const volatile unsigned char *p = stack_low;
  while (p < base && *p == PAINT)
    p++;
  return (size_t)(base - p);
}

static size_t used[sizeof cases / sizeof cases[0]];

static void *measure_all(void *arg) {
  (void)arg;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const unsigned char *base = __builtin_frame_address(0);
    paint();
    cases[i].fn();
    used[i] = depth_below(base);
  }
  return NULL;
}

int __cuckoo_main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  big_out = chars(20000);
  big_in = chars(10000);
  line = chars(100);
  /* Output and input are /dev/null while measuring. */
  int saved_out = dup(1), saved_err = dup(2);
  int null = open("/dev/null", O_RDWR);
  dup2(null, 0);
  dup2(null, 1);
  dup2(null, 2);

  stack_low = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstack(&attr, stack_low, STACK_SIZE);
  pthread_t t;
  if (stack_low == MAP_FAILED || pthread_create(&t, &attr, measure_all, NULL) != 0)
    return 2;
  pthread_join(t, NULL);

  __cuckoo_fflush(__cuckoo_stdout);
  dup2(saved_out, 1);
  dup2(saved_err, 2);
  int over = 0;
  char text[128];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int n = snprintf(text, sizeof text, "%-26s %6zu bytes%s\n", cases[i].name, used[i],
                     used[i] > RT_STACK_BUDGET ? "  OVER BUDGET" : "");
    rt_write_all(1, text, (size_t)n);
    over |= used[i] > RT_STACK_BUDGET;
  }
  int n = snprintf(text, sizeof text, "budget %u bytes of the %u-byte reserve\n", RT_STACK_BUDGET,
                   RT_STACK_RESERVE);
  rt_write_all(1, text, (size_t)n);
  return over;
}
