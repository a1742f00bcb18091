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
 * has already trapped a zero divisor and LLONG_MIN / -1, so these are the
 * plain operations; gcc turns them into libgcc's __divdi3 and friends. */
long long __cuckoo_divdi3(long long a, long long b) { return a / b; }
unsigned long long __cuckoo_udivdi3(unsigned long long a, unsigned long long b) { return a / b; }
long long __cuckoo_moddi3(long long a, long long b) { return a % b; }
unsigned long long __cuckoo_umoddi3(unsigned long long a, unsigned long long b) { return a % b; }
