/* §8: a pointer to an array of one plain scalar type may be cast to a
 * pointer to an array of another plain scalar type of the same size, with
 * §4.2's length rules: a packet in unsigned char[] handed to a runtime
 * function that takes char[]. */
#include <cuckoo.ckh>
unsigned sum(const unsigned char b[]) {
    unsigned s = 0;
    for (unsigned i = 0; i < lengthof(b); i++)
        s += b[i];
    return s;
}
int main(void) {
    unsigned char pkt[8];
    pkt[0] = 200;
    pkt[1] = 255;
    pkt[2] = 'A';
    write_bytes(1, (const char (*)[]) pkt, 3);
    putchar('\n');
    char (*c)[8] = (char (*)[8]) pkt;
    printf("%d %d %u\n", c[0], c[1], lengthof(c));
    char (*d)[] = new(char[3]);
    d[2] = -1;
    printf("%u\n", sum((const unsigned char (*)[]) d));
    unsigned char (*e)[2] = (unsigned char (*)[2]) d;   /* checked: 3 >= 2 */
    printf("%d %u\n", e[1], lengthof(e));
    int (*iv)[] = new(int[2]);
    unsigned (*uv)[2] = (unsigned (*)[2]) iv;
    uv[0] = 4000000000u;
    printf("%d\n", iv[0]);
    long long (*lv)[1] = (long long (*)[1]) new(unsigned long long[1]);
    lv[0] = -1;
    printf("%lld\n", lv[0]);
    return 0;
}
