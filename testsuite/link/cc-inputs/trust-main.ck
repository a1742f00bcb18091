/* calls triple, which trust-foreign.c (gcc -m32) defines */
#include <cuckoo.ckh>
int triple(int x);
int main(void) {
    printf("triple %d\n", triple(14));
    return 0;
}
