/* opt-version-domain.ck -- loop versioning on the domain flag
 * (opt/version.c): a loop whose stores need the store check of
 * LANGUAGE.md §13.3 runs without them when a test before the loop finds
 * the thread outside every domain, and with them inside one: there a
 * store into static storage still traps, at the first iteration, and the
 * domain fails (-1) with the array untouched. */
#include <cuckoo.ckh>

static int table[8];
static int (*const table_ptr)[] = &table; /* read inside the domain: the compiler cannot see where */

struct state {
  int v[8];
};

struct state *own setup(void) { return new(struct state); }

static void fill(int (*p)[], int n, int k) {
  for (int i = 0; i < n; i++)
    p[i] = k + i;                 /* p may be table: the store is checked */
}

int fill_state(struct state *s, int k) {
  fill(&s->v, 8, k);
  int sum = 0;
  for (int i = 0; i < 8; i++)
    sum += s->v[i];
  return sum;
}

/* a loop that leaves from three places, versioned on the flag alone */
static int fill_until(int (*p)[], int n, int stop) {
  int i = 0;
  while (i < n && i < lengthof(p)) {
    if (i == stop)
      break;
    p[i] = i * 3;
    i++;
  }
  return i;
}

/* a loop holding loops, with stores of its own (quicksort's partition):
 * versioned on the flag as a whole */
static int partition(int (*p)[], int lo, int hi, int pivot) {
  int i = lo, j = hi;
  while (i <= j) {
    while (p[i] < pivot)
      i++;
    while (p[j] > pivot)
      j--;
    if (i <= j) {
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
      i++;
      j--;
    }
  }
  return i;
}

int part_state(struct state *s, int k) {
  for (int i = 0; i < 8; i++)
    s->v[i] = (i * 5 + k) % 8;
  int m = partition(&s->v, 0, 7, 4);
  return m * 100000000 + s->v[0] * 10000000 + s->v[1] * 1000000 + s->v[2] * 100000 + s->v[3] * 10000 +
         s->v[4] * 1000 + s->v[5] * 100 + s->v[6] * 10 + s->v[7];
}

int part_table(struct state *s, int k) {
  (void)s;
  return partition(table_ptr, 0, 7, k);
}

int until_state(struct state *s, int k) {
  return fill_until(&s->v, 20, k) * 100 + s->v[2];
}

int until_table(struct state *s, int k) {
  (void)s;
  return fill_until(table_ptr, 8, k);
}

int fill_table(struct state *s, int k) {
  (void)s;
  fill(table_ptr, 8, k);
  return 0;
}

int main(void) {
  fill(&table, 8, 100);           /* outside every domain */
  printf("%d %d\n", table[0], table[7]);
  domain_t *d = domain_new(setup);
  printf("%d\n", domain_call(d, fill_state, 10));
  printf("%d\n", domain_call(d, fill_table, 20));
  printf("%d %d\n", table[0], table[7]);
  printf("%d %d %d\n", fill_until(&table, 8, 5), table[4], table[5]);
  printf("%d %d\n", domain_call(d, until_state, 3), domain_call(d, until_state, 30));
  printf("%d %d %d\n", domain_call(d, until_table, 6), table[1], table[6]);
  printf("%d %d\n", domain_call(d, part_state, 3), domain_call(d, part_table, 9));
  printf("%d %d %d %d\n", partition(&table, 0, 7, 9), table[0], table[6], table[7]);
  return 0;
}
