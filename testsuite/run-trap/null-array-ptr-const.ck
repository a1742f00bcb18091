/* Indexing through the null pointer constant cast to a pointer to an array
 * is a null trap (it was an internal compiler error). */
#include <cuckoo.ckh>

int main(void) {
  printf("before\n");
  int x = ((int (*)[3]) 0)[1];
  printf("%d\n", x);
  return 0;
}
