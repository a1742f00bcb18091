/* §12: the runtime believes no object it is handed, but its internal entry
 * points (internal.ckh) trust the compiler's arguments: __cuckoo_spawn
 * copies SIZE bytes from its argument block (NULL or a short one: a read
 * past the object, a crash at an absolute address) and __cuckoo_divdi3
 * divides by zero without a check.  A program that includes the installed
 * <internal.ckh> may not name them. */
#include <internal.ckh>
int entry(const struct __cuckoo_args *a) { return 7; }
int main(void) {
  thread_t t = __cuckoo_spawn(entry, NULL, 1000, NULL);
  long long q = __cuckoo_divdi3(1, 0);
  unsigned lim = __cuckoo_stack_limit;
  return join(t) + (int)q + (int)lim;
}
