/* §7: a field width the runtime cannot honour is refused at compile time. */
#include <cuckoo.ckh>
int main(void) {
    printf("[%1234567d]\n", 5);
    return 0;
}
