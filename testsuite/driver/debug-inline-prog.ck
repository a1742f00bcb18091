/* debug-inline-prog.ck, compiled as debug-inline.ck by
 * driver/debug-inline.sh at -O2 -g: small static functions that the
 * optimiser inlines -- scale into twice into main's loop (inlining within
 * inlining), sum3 with an array in the frame and two loops' i, pair in a loop that the
 * copy's first computation is moved out of (licm), bump that assigns its
 * parameter (passed a constant), pick with a static
 * variable and a failing check -- which gdb must still show as functions:
 * break on them, bt, up, finish, their parameters and locals, and a
 * backtrace from the runtime error. */
#include <cuckoo.ckh>

int sink;
int tab[16];

static int scale(int v, int by) {
  int r = v * by;                               /* LINE-SCALE */
  sink += r;                                    /* LINE-SINK */
  return r + 1;
}

static int twice(int x) {
  int y = scale(x, 2);                          /* LINE-NESTED */
  return y + x;                                 /* LINE-RET */
}

static int sum3(int a, int b) {
  int buf[3] = {a, b, a + b};
  int s = 0;
  for (int i = 0; i < 2; i++)
    s -= i;
  for (int i = 0; i < 3; i++)
    s += buf[i];                                /* LINE-SUM */
  return s;
}

static int pair(int j, int k) {
  int s = tab[j * 2 + 1] + k;                   /* LINE-PAIR */
  return s;
}

static int bump(int n) {
  sink++;
  n = n * sink + 1;
  sink += n;                                    /* LINE-BUMP */
  return n;
}

static int pick(int (*p)[], int k) {
  static int calls = 40;
  calls++;
  return (*p)[k];                               /* LINE-TRAP */
}

int main(void) {
  int b = bump(3);
  int total = 0;
  for (int i = 0; i < 3; i++)
    total += twice(i + 5);                      /* LINE-CALL */
  int t = sum3(4, 9);                           /* LINE-CALL3 */
  printf("%d %d %d\n", total, sink, t);
  int j = tab[0] + 3;
  for (int n = 0; n < 3; n++)
    total += pair(j, n);                        /* LINE-INLOOP */
  printf("%d %d\n", total, b);
  int (*heap)[] = new(int[5]);
  int k = lengthof(*heap) + 2;
  printf("%d\n", pick(heap, k));                /* LINE-CALLP */
  return 0;
}
