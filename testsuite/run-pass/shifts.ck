/* Shifts: the count is masked to the width of the promoted left operand. */
#include <cuckoo.ckh>

int shl(int v, int n) { return v << n; }
int shr(int v, int n) { return v >> n; }
unsigned ushr(unsigned v, int n) { return v >> n; }
long long llshl(long long v, int n) { return v << n; }
long long llshr(long long v, int n) { return v >> n; }
unsigned long long ullshr(unsigned long long v, int n) { return v >> n; }

int main(void)
{
    int counts[7] = {0, 1, 31, 32, 33, -1, 100};
    for (int i = 0; i < 7; i++) {
        int n = counts[i];
        printf("n=%d: %d %d %u %lld %lld %llu\n", n, shl(1, n), shr(-256, n),
               ushr(0x80000000u, n), llshl(1, n), llshr(-4096LL, n),
               ullshr(0x8000000000000000ULL, n));
    }
    printf("ll64 %lld %lld\n", llshl(3, 64), llshl(3, 65));
    printf("neg >> %d %d %d\n", -1 >> 5, -17 >> 2, -17 / 4);
    char c = -128;
    printf("char %d %d\n", c >> 3, c << 1);
    unsigned char uc = 0x81;
    printf("uchar %d %d\n", uc << 4, uc >> 4);
    int v = 1;
    v <<= 33;
    printf("compound %d\n", v);
    long long w = 1;
    w <<= 40;
    printf("llcompound %lld %llx\n", w, (unsigned long long)w >> 36);
    return 0;
}
