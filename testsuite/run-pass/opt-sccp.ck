/* opt-sccp.ck -- sparse conditional constant propagation (opt/sccp.c,
 * -O1 and up) must compute what -O0 computes: constants through loops and
 * decided branches, 32-bit wrapping, shifts with their counts masked,
 * signed and unsigned compares, long long constants, and values that are
 * constant on one path only (which must not be folded). */
#include <cuckoo.ckh>

int wraps(int n) {
  int big = 2147483647;
  int k = 0;
  for (int i = 0; i < n; i++)
    if (k == 1)
      big = 0;                    /* dead: k stays 0 */
  return big + 1;                 /* wraps to INT_MIN */
}

unsigned shifts(int n) {
  int c = 33;
  unsigned v = 1;
  if (n < 0)
    c = 1;                        /* n >= 0 below: varying all the same */
  unsigned u = 1;
  int d = 35;
  return (v << (d & 31)) + (u << 3) + (unsigned)c;
}

int compares(void) {
  int m = -1;
  unsigned um = 4294967295u;
  int r = 0;
  if (m < 0)
    r += 1;
  if (um > 1u)
    r += 2;
  if ((unsigned)m == um)
    r += 4;
  return r;                       /* 7 */
}

long long wide(int n) {
  long long x = 4000000000LL;
  long long y = x * 3;
  for (int i = 0; i < n; i++)
    if (y < 0)
      y = 0;                      /* dead */
  return y + 1;
}

int one_path(int n) {
  int v;
  if (n > 2)
    v = 5;
  else
    v = n;                        /* varies: v + 1 is not 6 */
  return v + 1;
}

int loop_phi(int n) {
  int a = 3, b = 3;
  for (int i = 0; i < n; i++) {
    int t = a;
    a = b;                        /* a and b swap the same constant */
    b = t;
  }
  return a * b;                   /* 9 */
}

int main(void) {
  printf("%d %u %d %lld %d %d %d %d\n", wraps(3), shifts(2), compares(), wide(2), one_path(1), one_path(7),
         loop_phi(5), loop_phi(0));
  return 0;
}
