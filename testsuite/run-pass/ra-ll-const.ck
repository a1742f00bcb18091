/* long long shifts and multiplications by constants (-O1 and up select
   them without a variable count or a high product): every count that
   changes the sequence (0, below 32, 32, above 32, 63) for <<, >> of
   signed and unsigned values, and factors with and without a high word. */
#include <cuckoo.ckh>

static long long v[4] = {0x123456789abcdef0LL, -0x0fedcba987654321LL, 1, -1};

int main(void)
{
    unsigned long long h = 0;
    for (int i = 0; i < 4; i++) {
        long long s = v[i];
        unsigned long long u = (unsigned long long)v[i];
        long long r[18] = {
            s << 0, s << 1, s << 31, s << 32, s << 33, s << 63,
            s >> 0, s >> 1, s >> 31, s >> 32, s >> 33, s >> 63,
            (long long)(u >> 1), (long long)(u >> 31), (long long)(u >> 32), (long long)(u >> 40), (long long)(u >> 63),
            (long long)(u << 40),
        };
        for (int j = 0; j < 18; j++) {
            printf("%d.%d %llx\n", i, j, (unsigned long long)r[j]);
            h = h * 31 + (unsigned long long)r[j];
        }
        printf("mul %lld %lld %lld %lld\n", s * 7, s * -3, s * 0x100000001LL, s * 6364136223846793005LL);
    }
    printf("h %llx\n", h);
    return 0;
}
