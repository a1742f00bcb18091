/* const-join.ck -- an index that is one of a few constants, chosen on
 * different paths: cuckoo-cc removes its bounds check (cc/opt/range.c, a
 * masked index), and the proof checker must see that the joined value lies
 * below the larger constant plus one (doc/verify.md, "Joins"). */
#include <cuckoo.ckh>

struct row {
  int pad;
  int a[4];
};

int pick(struct row *r, int n) {
  int k = 0;
  if (n > 1)
    k = 1;
  if (n > 2)
    k = 3;
  return r->a[k];
}

int main(int argc, string *argv[]) {
  struct row *r = new(struct row);
  for (int i = 0; i < 4; i++)
    r->a[i] = 10 * i;
  printf("%d %d %d\n", pick(r, 0), pick(r, 2), pick(r, argc + 2));
  return 0;
}
