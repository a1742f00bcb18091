/* §2: out-of-range and large floating conversions give the i386 result,
 * and a folded constant converts exactly as the run-time code does. */
#include <cuckoo.ckh>
double id(double x) { return x; }
int main(void) {
    printf("%u %u\n", (unsigned)-3e9, (unsigned)id(-3e9));
    printf("%llu %llu\n", (unsigned long long)1e19, (unsigned long long)id(1e19));
    printf("%llu %llu\n", (unsigned long long)1e20, (unsigned long long)id(1e20));
    return 0;
}
