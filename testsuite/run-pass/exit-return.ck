/* main's return value is the exit status; output is flushed first. */
#include <cuckoo.ckh>

int compute(void) { return 6 * 7; }

int main(void)
{
    printf("returning %d", compute());
    printf("\n");
    return compute();
}
