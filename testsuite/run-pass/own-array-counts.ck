/* LANGUAGE.md §13.1-13.3: an owned array frees every element it owns,
 * whatever its length -- 1, 63, 64, 65, 1000 and 100000 elements -- in
 * every place an owned array can end: a local array of owned pointers at
 * the end of its scope (the compiler's deletions: unrolled for a few
 * elements, a loop beyond), new(T *own[n]) deleted (recursively: each
 * element owns one more node), renew growing and shrinking it, one inside
 * a struct (a local, and a heap object), one moved into a protection
 * domain by domain_call (kept, then deleted by the domain's failure; or
 * deleted by the call), one sent over a channel (from outside, and from
 * inside a domain that then fails: the receiver's copy is whole), and one
 * a domain made itself and loses when it fails.  Each line is the change
 * in heap_objects() (and domain_objects()) after the situation: +0. */
#include <cuckoo.ckh>

struct node {
  int v;
  struct node *own next;
};

/* a node owning one more */
struct node *own pair(int v) {
  struct node *own x = new(struct node);
  x->v = v;
  x->next = new(struct node);
  x->next->v = v + 1;
  return x;
}

typedef struct node *own (*own nodes_t)[];

nodes_t filled(int n) {
  nodes_t a = new(struct node *own[n]);
  for (int i = 0; i < n; i++)
    a[i] = pair(i);
  return a;
}

/* the values of the first nodes: sum of 0..n-1 */
long long sum(struct node *own (*a)[]) {
  long long s = 0;
  for (unsigned i = 0; i < lengthof(a); i++)
    if (a[i] != NULL)
      s += a[i]->v;
  return s;
}

long long tri(int n) { return (long long)n * (n - 1) / 2; }

int h0;
void report(const char (*what)[], int n, int ok) {
  printf("%-18s %6d: %s, heap %+d\n", what, n, ok ? "ok" : "WRONG", heap_objects() - h0);
}

/* ---- a local array of owned pointers, and a local struct holding one ---- */
#define LOCALS(N)                                                   \
  int local_##N(int early) {                                        \
    struct node *own a[N];                                          \
    for (int i = 0; i < N; i++)                                     \
      a[i] = pair(i);                                               \
    if (early)                                                      \
      return a[N - 1]->v == N - 1;  /* every element goes, here too */ \
    int r = a[0]->v == 0;                                           \
    return r;                                                       \
  }                                                                 \
  struct holder_##N {                                               \
    int tag;                                                        \
    struct node *own a[N];                                          \
    struct node *own last;                                          \
  };                                                                \
  int local_struct_##N(void) {                                      \
    struct holder_##N h;                                            \
    h.tag = N;                                                      \
    for (int i = 0; i < N; i++)                                     \
      h.a[i] = pair(i);                                             \
    h.last = pair(-1);                                              \
    struct node *own t = take(h.a[N / 2]);   /* not deleted twice */ \
    int r = t->v == N / 2;                                          \
    delete(t);                                                      \
    return r;                                                       \
  }                                                                 \
  void fill_##N(struct holder_##N *h, int j) {                    \
    for (int i = 0; i < N; i++)                                     \
      h->a[i] = pair(i);                                            \
    h->last = pair(j);                                              \
  }                                                                 \
  int heap_struct_##N(void) {                                       \
    struct holder_##N *own h = new(struct holder_##N);              \
    for (int i = 0; i < N; i++)                                     \
      h->a[i] = pair(i);                                            \
    h->last = pair(7);                                              \
    int r = h->a[N - 1]->v == N - 1;                                \
    delete(h);                                                      \
    return r;                                                       \
  }                                                                 \
  void locals_##N(void) {                                           \
    report("local array", N, local_##N(0));                         \
    report("local array ret", N, local_##N(1));                     \
    report("local struct", N, local_struct_##N());                  \
    report("heap struct", N, heap_struct_##N());  /* 100000 owned words */ \
  }

LOCALS(1)
LOCALS(63)
LOCALS(64)
LOCALS(65)
LOCALS(1000)
LOCALS(100000)

/* an array of such structs: the compiler loops over both levels (for
 * 100000, an index into an array of 400 KB elements, which the proof
 * checker once refused) */
#define NESTED(N)                                                   \
  int local_nested_##N(void) {                                      \
    struct holder_##N hs[2];                                        \
    fill_##N(&hs[0], 0);                                            \
    fill_##N(&hs[1], 1);                                            \
    return hs[1].last->v == 1;                                      \
  }                                                                 \
  void nested_##N(void) { report("local structs[2]", N, local_nested_##N()); }

NESTED(1)
NESTED(63)
NESTED(64)
NESTED(65)
NESTED(1000)
NESTED(100000)

/* ---- new(T *own[n]), delete, renew, an owned local's scope ------------- */
void heap_arrays(int n) {
  nodes_t a = filled(n);
  int ok = sum(a) == tri(n);
  delete(a);
  report("new/delete", n, ok);

  {
    nodes_t b = filled(n);
    ok = sum(b) == tri(n);
  }                               /* b's scope ends: deleted */
  report("scope exit", n, ok);

  nodes_t c = filled(n);
  renew(c, n + 1);                /* grows: the elements move */
  c[n] = pair(n);
  ok = sum(c) == tri(n + 1) && lengthof(c) == (unsigned)(n + 1);
  renew(c, n / 2);                /* shrinks: the cut ones are deleted */
  ok = ok && sum(c) == tri(n / 2);
  renew(c, 0);
  ok = ok && lengthof(c) == 0;
  delete(c);
  report("renew", n, ok);

  /* an array of arrays: deleted level by level */
  nodes_t (*own aa)[] = new(nodes_t[2]);
  aa[0] = filled(n);
  aa[1] = filled(n);
  ok = sum(aa[1]) == tri(n);
  delete(aa);
  report("array of arrays", n, ok);
}

/* ---- domains ------------------------------------------------------------ */
struct state {
  nodes_t kept;
  nodes_t made;
  int calls;
};
struct state *own setup(void) { return new(struct state); }

int keep(struct state *s, nodes_t a, int n) {
  s->calls++;
  if (sum(a) != tri(n))
    return 0;
  s->kept = a;
  return 1;
}

int consume(struct state *s, int n, nodes_t a) {
  (void)s;
  int r = sum(a) == tri(n);
  delete(a);
  return r;
}

int make(struct state *s, int n) {
  s->made = filled(n);
  return (int)lengthof(s->made);
}

int fail(struct state *s, int i) {
  int small[2];
  small[i] = s->calls;
  return small[0];
}

chan_t *out;

int sender(struct state *s, int n) {
  nodes_t a = filled(n);
  s->made = filled(n);            /* stays, and goes with the failure */
  chan_send(out, a);
  return 1;
}

void domains(int n) {
  int saved = h0;
  domain_t *d = domain_new(setup);
  h0 = heap_objects();            /* the domain's state is its own */
  int base = domain_objects(d);
  int ok = domain_call(d, keep, filled(n), n) == 1;
  ok = ok && domain_objects(d) == base + 1 + 2 * n;
  ok = ok && domain_call(d, fail, 9) == DOMAIN_FAILED;
  ok = ok && domain_objects(d) == base;
  report("domain kept+fail", n, ok);

  ok = domain_call(d, consume, n, filled(n)) == 1 && domain_objects(d) == base;
  report("domain consumed", n, ok);

  ok = domain_call(d, make, n) == n && domain_objects(d) == base + 1 + 2 * n;
  ok = ok && domain_call(d, fail, 9) == DOMAIN_FAILED && domain_objects(d) == base;
  report("domain made+fail", n, ok);

  ok = domain_call(d, sender, n) == 1 && domain_objects(d) == base + 1 + 2 * n;
  ok = ok && domain_call(d, fail, 9) == DOMAIN_FAILED && domain_objects(d) == base;
  nodes_t got = chan_recv(out, struct node *own[]);
  ok = ok && sum(got) == tri(n) && lengthof(got) == (unsigned)n;
  delete(got);
  report("domain sent+fail", n, ok);

  domain_revoke(d);
  h0 = saved;
  ok = domain_call(d, consume, n, filled(n)) == DOMAIN_REVOKED && domain_objects(d) == 0;
  report("domain revoked", n, ok);
}

void channels(int n) {
  chan_send(out, filled(n));
  nodes_t got = chan_recv(out, struct node *own[]);
  int ok = sum(got) == tri(n);
  delete(got);
  report("channel", n, ok);
}

int main(void) {
  out = chan_new(4);
  h0 = heap_objects();
  locals_1();
  locals_63();
  locals_64();
  locals_65();
  locals_1000();
  locals_100000();
  nested_1();
  nested_63();
  nested_64();
  nested_65();
  nested_1000();
  nested_100000();
  int counts[6] = {1, 63, 64, 65, 1000, 100000};
  for (int i = 0; i < 6; i++) {
    heap_arrays(counts[i]);
    channels(counts[i]);
    domains(counts[i]);
  }
  return 0;
}
