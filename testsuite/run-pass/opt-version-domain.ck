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
  return 0;
}
