#include <cuckoo.ckh>
#line 42 "elsewhere.ck"
int twice(int x) { return 2 * x; }
# 7 "flag-style.ck" 1
int main(void) {
#line 9
  printf("%d %s %d\n", twice(__LINE__), __FILE__, 0);
  return 0;
}
