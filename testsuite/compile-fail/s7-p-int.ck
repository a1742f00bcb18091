/* §7: %p takes a pointer; the constant 0 in a variadic argument stays an int. */
#include <cuckoo.ckh>

int main(void) {
  printf("%p\n", 0);
  return 0;
}
