/* Large zero-initialised globals with length words inside go to .bss and
 * the start-up code writes their length words (doc/abi.md): every level
 * of every shape reads back its length, through pointers to arrays of
 * unknown length (which read the length word from memory). */
#include <cuckoo.ckh>

struct Inner { char tag; int v[3]; };
struct Outer { int n; struct Inner in[2]; double d[2]; };

struct { int a[1]; } small_arrays[2000];
int grid[1000][2];
struct Outer outers[300];
static char names[64][100];
const int zeros[2000] = {0};
struct Outer with_zero_init[100] = {{0, {{0, {0, 0, 0}}}}};
int mixed[2000] = {0, 0, 7};     /* not all zero: stays in .data */

static unsigned len_of(int (*p)[]) { return lengthof(p); }
static unsigned clen_of(char (*p)[]) { return lengthof(p); }

int main(void) {
  printf("%u %u\n", lengthof(small_arrays), len_of(&small_arrays[1999].a));
  printf("%u %u %u\n", lengthof(grid), len_of(&grid[0]), len_of(&grid[999]));
  printf("%u %u %u\n", lengthof(outers), len_of(&outers[299].in[1].v), lengthof(outers[5].d));
  printf("%u %u\n", lengthof(names), clen_of(&names[63]));
  printf("%u %d\n", lengthof(zeros), zeros[1999]);
  printf("%u %u\n", len_of(&with_zero_init[99].in[0].v), lengthof(with_zero_init[0].in));
  printf("%u %d\n", len_of(&mixed), mixed[2]);
  grid[999][1] = 5;
  outers[299].in[1].v[2] = 6;
  printf("%d %d %d\n", grid[999][1], outers[299].in[1].v[2], outers[299].in[1].v[0]);
  return 0;
}
