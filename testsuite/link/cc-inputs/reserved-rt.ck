/* defines memset, which the runtime calls in the C library: the runtime
 * would call this function instead */
#include <cuckoo.ckh>
int memset(int a, int b, int c) { return a + b + c; }
int main(void) {
    int (*p)[] = new(int[100]);
    printf("%u\n", lengthof(*p));
    return 0;
}
