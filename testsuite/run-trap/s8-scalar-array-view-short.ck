/* §8, §4.2: a view of an unsized array of one plain type as a sized
 * array of another checks the length at run time. */
#include <cuckoo.ckh>
int main(void) {
    char (*d)[] = new(char[3]);
    unsigned char (*ok)[3] = (unsigned char (*)[3]) d;
    printf("%u\n", lengthof(ok));
    unsigned char (*bad)[4] = (unsigned char (*)[4]) d;
    printf("%u\n", lengthof(bad));
    return 0;
}
