/* opt-sccp-index.ck -- an index that sparse conditional constant
 * propagation (opt/sccp.c) makes a constant, out of range: the check
 * stays and traps where -O0's does, after the first line is written. */
#include <cuckoo.ckh>

int main(int argc, string *argv[]) {
  int k = 0;
  int v[4] = {1, 2, 3, 4};
  for (int i = 0; i < argc; i++)
    if (k != 0)
      k = k - 1;                  /* never runs: k stays 0 */
  printf("%d\n", v[k + 3]);
  printf("%d\n", v[k + 4]);
  return 0;
}
