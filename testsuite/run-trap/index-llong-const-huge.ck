/* A constant long long index of 2^32 is not taken modulo 2^32: it traps
 * with its whole value, here into an array whose length is in memory. */
#include <cuckoo.ckh>

int main(void) {
  char (*p)[] = new(char[3]);
  return (*p)[0x100000000LL];
}
