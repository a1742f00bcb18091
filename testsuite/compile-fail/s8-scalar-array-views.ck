/* §8: views between arrays of plain scalar types of one size need a cast,
 * keep qualifiers and lengths; _Bool, pointers, other sizes and nested
 * arrays are never reinterpreted. */
void sink(char b[]) { }
int main(void) {
    unsigned char pkt[64];
    const unsigned char cpkt[4] = {1, 2, 3, 4};
    sink(pkt);
    char (*a)[] = (char (*)[]) cpkt;
    char (*b)[65] = (char (*)[65]) pkt;
    _Bool (*c)[64] = (_Bool (*)[64]) pkt;
    short (*d)[] = (short (*)[]) pkt;
    int *p[2];
    unsigned (*e)[2] = (unsigned (*)[2]) &p;
    unsigned char m[2][2];
    char (*f)[2][2] = (char (*)[2][2]) &m;
    const char (*g)[4] = (const char (*)[4]) cpkt;
    return 0;
}
