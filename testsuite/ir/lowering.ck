/* lowering.ck -- the lowering's IR (no pass run), for the text's every
 * form: a struct returned through a hidden pointer, checked division and
 * remainder, float, double and long long values, a call through a
 * function pointer, runtime calls with their site arguments, a spawn's
 * thunk, a domain_call's holes, a 64-bit index, a static function. */
#include <cuckoo.ckh>

struct pair {
  int a;
  double d;
  long long q;
};

static int square(int x) { return x * x; }

struct pair make(int x) {
  struct pair r;
  r.a = x;
  r.d = x * 1.5;
  r.q = x;
  return r;
}

int quotient(int a, int b) { return a / b + a % b; }

int worker(int n) {
  printf("%d\n", square(n));
  return 0;
}

struct state {
  int calls;
};

struct state *setup(void) { return new(struct state); }

int enter(struct state *s, int a) {
  s->calls += a;
  return s->calls;
}

int main(void) {
  int (*v)[] = new(int[10]);
  struct pair p = make(3);
  float f = 2.5f;
  unsigned char c = 200;
  int (*fp)(int, int) = quotient;
  long long q = 5;
  (*v)[q] = fp(7, 2) + c + (int)f;
  thread_t t = spawn worker(3);
  join(t);
  domain_t *d = domain_new(setup);
  printf("%d %f %d\n", (*v)[5LL], p.d, domain_call(d, enter, 2));
  delete(v);
  return 0;
}
