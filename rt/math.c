/* math.c -- the mathematics of cuckoo.ckh: the C library's libm under the
 * runtime's names (results come back in st(0), as the i386 ABI says and
 * Cuckoo code expects).  These are pure functions: nothing to check. */
#include <math.h>

double __cuckoo_sqrt(double x) { return sqrt(x); }
double __cuckoo_fabs(double x) { return fabs(x); }
double __cuckoo_floor(double x) { return floor(x); }
double __cuckoo_ceil(double x) { return ceil(x); }
double __cuckoo_pow(double x, double y) { return pow(x, y); }
double __cuckoo_exp(double x) { return exp(x); }
double __cuckoo_log(double x) { return log(x); }
double __cuckoo_sin(double x) { return sin(x); }
double __cuckoo_cos(double x) { return cos(x); }
double __cuckoo_atan2(double y, double x) { return atan2(y, x); }

/* 64-bit division for compiled Cuckoo code (rt/internal.ckh).  The caller
 * has already trapped a zero divisor and LLONG_MIN / -1; a hand-written
 * caller may not have, so they are checked again here (trap divide at the
 * call, not SIGFPE). */
#include "rt.h"

static void check_divisor(const void *ret, long long a, long long b, int is_signed, int rem) {
  if (b == 0)
    rt_trap_call(ret, "divide", rem ? "remainder by zero" : "division by zero", 0, 0);
  if (is_signed && b == -1 && a == (long long)(1ull << 63))
    rt_trap_call(ret, "divide", rem ? "remainder overflow" : "division overflow", 0, 0);
}

long long __cuckoo_divdi3(long long a, long long b) {
  check_divisor(RT_HERE, a, b, 1, 0);
  return a / b;
}
unsigned long long __cuckoo_udivdi3(unsigned long long a, unsigned long long b) {
  check_divisor(RT_HERE, 0, (long long)(b != 0), 0, 0);
  return a / b;
}
long long __cuckoo_moddi3(long long a, long long b) {
  check_divisor(RT_HERE, a, b, 1, 1);
  return a % b;
}
unsigned long long __cuckoo_umoddi3(unsigned long long a, unsigned long long b) {
  check_divisor(RT_HERE, 0, (long long)(b != 0), 0, 1);
  return a % b;
}
