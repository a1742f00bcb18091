/* LANGUAGE.md §13.3: "storing into a global variable inside a domain traps
 * own" -- also when the runtime makes the store for the program.  Every
 * runtime entry that writes into memory its caller names (doc/domains.md
 * "Runtime entries that store for the program") is called inside a domain
 * on the program's static storage -- the addresses reach domain code
 * through a global pointer, which domain code may read -- and must fail
 * the domain (DOMAIN_FAILED) with the globals unchanged; the same calls
 * on heap objects inside the domain, and on the globals outside every
 * domain, work and agree.  Entries with several out-parameters are called
 * once for each, the others pointing to the heap (outside: to globals).  Each call in the first
 * column checks one rt_check_store: without it the line shows CHANGED. */
#include <cuckoo.ckh>

struct targets {
  int *i;                         /* atomic_store/add/cas */
  char (*b)[];                    /* the byte and string entries */
  unsigned *pos;                  /* parse_long */
  long long *out;
  char (*host)[];                 /* udp_recvfrom */
  int *port;
  struct pollfd (*fds)[];         /* poll */
};

int g_int;
char g_buf[16];
unsigned g_pos;
long long g_out;
char g_host[16];
int g_port;
struct pollfd g_fds[1];

struct targets *S;                /* the globals' addresses */
struct targets *Hp;               /* heap objects of the same shapes */
struct targets *A;                /* the one under test */
struct targets *B;                /* the other out-parameters: Hp, but S outside */
int zfd;                          /* /dev/zero */
int usock, uport;                 /* a UDP socket on loopback, sending to itself */

#define NOPS 24
const char names[NOPS][16] = {
  "atomic_store", "atomic_add", "atomic_cas", "copy_bytes", "strlcat", "strlcpy",
  "memcpy_array", "memset_array", "put_be16", "put_le16", "put_be32", "put_le32",
  "snprintf", "read_line", "read_bytes", "read_into", "parse_long pos", "parse_long out",
  "recvfrom b", "recvfrom host", "recvfrom port", "poll", "read_line 2", "strlcat 2"
};

/* The contents every call starts from: not zero, so that a stray write of
 * zeros shows; a string "ab" with room after it. */
void reset(struct targets *t) {
  *t->i = 1;
  for (unsigned k = 0; k < lengthof(t->b); k++)
    (*t->b)[k] = '.';
  (*t->b)[0] = 'a';
  (*t->b)[1] = 'b';
  (*t->b)[2] = 0;
  *t->pos = 0;
  *t->out = -1;
  for (unsigned k = 0; k < lengthof(t->host); k++)
    (*t->host)[k] = '.';
  *t->port = -1;
  (*t->fds)[0].fd = zfd;
  (*t->fds)[0].events = POLLIN;
  (*t->fds)[0].revents = -1;
}

unsigned hash(const struct targets *t) {
  unsigned h = (unsigned)*t->i;
  for (unsigned k = 0; k < lengthof(t->b); k++)
    h = h * 31u + (unsigned)(unsigned char)(*t->b)[k];
  h = h * 31u + *t->pos;
  h = h * 31u + (unsigned)*t->out;
  for (unsigned k = 0; k < lengthof(t->host); k++)
    h = h * 31u + (unsigned)(unsigned char)(*t->host)[k];
  h = h * 31u + (unsigned)(*t->port == uport ? 7 : *t->port);   /* the sender's port: ours */
  h = h * 31u + (unsigned)((*t->fds)[0].fd == zfd ? 7 : (*t->fds)[0].fd);  /* its number depends on what
                                                    the test runner left open */
  h = h * 31u + (unsigned)(*t->fds)[0].events;
  h = h * 31u + (unsigned)(*t->fds)[0].revents;
  return h & 0xffffu;
}

struct st { int calls; };
struct st *own st_setup(void) { return new(struct st); }

/* A negative result of a runtime entry becomes a positive code (a
 * domain_call's function must return >= 0). */
int code(int r) { return r < 0 ? 1000 - r : r; }

int op(struct st *s, int which) {
  s->calls++;
  struct targets *a = A, *b = B;
  switch (which) {
  case 0: atomic_store(a->i, 5); return *a->i;
  case 1: return code(atomic_add(a->i, 3));
  case 2: return code(atomic_cas(a->i, 1, 9));
  case 3: copy_bytes(a->b, 1, "wxyz", 1, 3); return 0;
  case 4: return code((int)strlcat(a->b, "xy"));
  case 5: return code((int)strlcpy(a->b, "hello"));
  case 6: memcpy_array(a->b, "1234", 4); return 0;
  case 7: memset_array(a->b, 'q', 5); return 0;
  case 8: put_be16(a->b, 1, 0x4142u); return 0;
  case 9: put_le16(a->b, 1, 0x4142u); return 0;
  case 10: put_be32(a->b, 3, 0x41424344u); return 0;
  case 11: put_le32(a->b, 3, 0x41424344u); return 0;
  case 12: return code(snprintf(a->b, "n=%d", 77));
  case 13: return code(read_line(a->b));
  case 14: return code(read_bytes(zfd, a->b, 8));
  case 15: return code(read_into(zfd, a->b, 2, 6));
  case 16: return code(parse_long("  123", a->pos, 10, b->out));
  case 17: return code(parse_long("  123", b->pos, 10, a->out));
  case 18:
    udp_sendto(usock, "ping", 4, "127.0.0.1", uport);
    return code(udp_recvfrom(usock, a->b, 4, b->host, b->port));
  case 19:
    udp_sendto(usock, "ping", 4, "127.0.0.1", uport);
    return code(udp_recvfrom(usock, b->b, 4, a->host, b->port));
  case 20:
    udp_sendto(usock, "ping", 4, "127.0.0.1", uport);
    return code(udp_recvfrom(usock, b->b, 4, b->host, a->port));
  case 21: return code(poll(a->fds, 1, 0));
  case 22: return code(read_line(a->b));
  case 23: return code((int)strlcat(a->b, "0123456789abcdef"));
  }
  return 0;
}

struct targets *heap_targets(void) {
  struct targets *t = new(struct targets);
  t->i = new(int);
  t->b = new(char[16]);
  t->pos = new(unsigned);
  t->out = new(long long);
  t->host = new(char[16]);
  t->port = new(int);
  t->fds = new(struct pollfd[1]);
  return t;
}

int main(void) {
  zfd = open("/dev/zero", O_RDONLY, 0);
  usock = udp_bind("127.0.0.1", 0);
  uport = socket_port(usock);
  if (zfd < 0 || usock < 0 || uport <= 0) {
    printf("set-up failed\n");
    return 1;
  }
  S = new(struct targets);
  S->i = &g_int;
  S->b = g_buf;
  S->pos = &g_pos;
  S->out = &g_out;
  S->host = g_host;
  S->port = &g_port;
  S->fds = g_fds;
  Hp = heap_targets();
  B = Hp;
  domain_t *d = domain_new(st_setup);
  struct st dummy;
  for (int w = 0; w < NOPS; w++) {
    reset(S);
    reset(Hp);
    unsigned before = hash(S);
    A = S;
    int r1 = domain_call(d, op, w);
    unsigned after = hash(S);
    reset(Hp);
    A = Hp;
    int r2 = domain_call(d, op, w);
    unsigned h2 = hash(Hp);
    reset(S);
    reset(Hp);
    A = S;
    B = S;
    int r3 = op(&dummy, w);
    B = Hp;
    unsigned h3 = hash(S);
    printf("%-14s in domain, global: %d %s; heap: %d %u; outside, global: %d %u%s\n", names[w],
           r1, after == before ? "unchanged" : "CHANGED", r2, h2, r3, h3,
           r2 == r3 && h2 == h3 ? "" : " DIFFER");
  }
  printf("domain objects: %d, global int %d\n", domain_objects(d), g_int);
  return 0;
}
