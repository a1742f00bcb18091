/* defines malloc, which the C library calls through the program */
#include <cuckoo.ckh>
int malloc(int n) { return n; }
int main(void) { printf("hi\n"); return 0; }
