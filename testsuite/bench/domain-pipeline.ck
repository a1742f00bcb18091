/* domain-pipeline.ck -- the cost of protection domains (LANGUAGE.md
 * §13.3, doc/domains.md "Cost"): a pipeline of five null-filter stages,
 * each called once per batch of B packets, either with plain calls or with
 * every stage in its own domain; and a domain whose every call fails, for
 * the cost of one recovery.
 *
 *   domain-pipeline MODE B N
 *     MODE plain   : N batches through five plain calls
 *          domain  : N batches through five domain_calls
 *          ok      : N domain_calls of a small domain that succeed
 *          fail    : N domain_calls of the same domain that trap (and recover)
 *          int-plain, int-domain : N calls (plain, or domain_calls of a small
 *                    domain) of a function that takes an int
 *          pkt-plain, pkt-domain : the same with an owned packet of two
 *                    objects (a struct and the array it owns), made before
 *                    each call and deleted by the function -- inside the
 *                    domain, for pkt-domain, after the packet moved in
 * It prints a checksum (the same for plain and domain) and the time per
 * batch or call in nanoseconds (clock_ns).  run-domain-bench.sh derives the
 * instructions per call from two values of N, which cancels start-up.
 *
 * The packets live in each stage's state: a null filter touches each
 * packet of its batch once and passes the batch on.
 * own: once owned pointers move (§13.1), the batch itself moves through
 * the stages: domain_call(d, stage, take(batch)). */
#include <cuckoo.ckh>

#define MAX_BATCH 256

struct stage {
  int id;
  int passed;
  int (*packets)[];               /* MAX_BATCH packets of one word */
};

int next_id;                      /* which stage setup is building (main sets it) */

struct stage *stage_setup(void) {
  struct stage *s = new(struct stage);
  s->packets = new(int[MAX_BATCH]);
  return s;
}

/* A null filter: every packet of the batch passes untouched. */
int null_filter(struct stage *s, int batch, int seq) {
  int sum = 0;
  for (int i = 0; i < batch; i++)
    sum += (*s->packets)[i];
  s->passed += batch;
  return sum + seq - seq;
}

/* A small domain for the recovery: one object of state. */
struct small {
  int calls;
};

struct small *small_setup(void) { return new(struct small); }

int small_call(struct small *s, int fail) {
  s->calls++;
  if (fail) {
    int (*none)[] = NULL;
    return (*none)[0];            /* traps null */
  }
  return 0;
}

/* An owned argument (§13.1, §13.3): the packet moves into the domain. */
struct packet {
  int len;
  int (*own data)[];
};

struct sink {
  int seen;
};

struct sink *sink_setup(void) { return new(struct sink); }

int take_int(struct sink *s, int n) {
  s->seen++;
  return n;
}

int take_packet(struct sink *s, struct packet *own p) {
  s->seen++;
  int n = p->len + (*p->data)[0];
  delete(p);
  return n;
}

struct packet *own packet_new(int n) {
  struct packet *own p = new(struct packet);
  p->len = n;
  p->data = new(int[4]);
  return p;
}

int main(int argc, string *argv[]) {
  if (argc != 4) {
    fprintf(stderr, "usage: domain-pipeline plain|domain|ok|fail BATCH N\n");
    return 2;
  }
  const char (*mode)[] = argv[1];
  int batch = atoi(*argv[2]);
  int n = atoi(*argv[3]);
  if (batch < 1 || batch > MAX_BATCH || n < 0) {
    fprintf(stderr, "domain-pipeline: bad batch or count\n");
    return 2;
  }
  struct stage *plain[5];
  domain_t *dom[5];
  for (int k = 0; k < 5; k++) {
    plain[k] = stage_setup();
    dom[k] = domain_new(stage_setup);
  }
  domain_t *small = domain_new(small_setup);
  domain_t *sinkd = domain_new(sink_setup);
  struct sink *sinkp = sink_setup();
  long long sum = 0;
  long long t0 = clock_ns();
  if (!strcmp(*mode, "plain")) {
    for (int i = 0; i < n; i++)
      for (int k = 0; k < 5; k++)
        sum += null_filter(plain[k], batch, i);
  } else if (!strcmp(*mode, "domain")) {
    for (int i = 0; i < n; i++)
      for (int k = 0; k < 5; k++)
        sum += domain_call(dom[k], null_filter, batch, i);
  } else if (!strcmp(*mode, "ok") || !strcmp(*mode, "fail")) {
    int fail = !strcmp(*mode, "fail");
    for (int i = 0; i < n; i++)
      sum += domain_call(small, small_call, fail);
  } else if (!strcmp(*mode, "int-plain")) {
    for (int i = 0; i < n; i++)
      sum += take_int(sinkp, i & 7);
  } else if (!strcmp(*mode, "int-domain")) {
    for (int i = 0; i < n; i++)
      sum += domain_call(sinkd, take_int, i & 7);
  } else if (!strcmp(*mode, "pkt-plain")) {
    for (int i = 0; i < n; i++)
      sum += take_packet(sinkp, packet_new(i & 7));
  } else if (!strcmp(*mode, "pkt-domain")) {
    for (int i = 0; i < n; i++)
      sum += domain_call(sinkd, take_packet, packet_new(i & 7));
  } else {
    fprintf(stderr, "domain-pipeline: unknown mode\n");
    return 2;
  }
  long long t1 = clock_ns();
  long long per = n ? (t1 - t0) / n : 0;
  printf("checksum %lld ns-per-iteration %lld\n", sum, per);
  return 0;
}
