/* Automatic variables start at zero; a declaration without an initializer
   zeroes its variable every time it is executed (§2). */
#include <cuckoo.ckh>

struct acc {
    int n;
    double d;
    int hist[3];
    int *p;
};

int fresh(int set)
{
    int x;
    int later;
    if (set)
        x = 99;
    later += 1;
    return x + later * 1000;
}

int main(void)
{
    printf("fresh %d %d %d\n", fresh(0), fresh(1), fresh(0));
    int target = 5;
    for (int i = 0; i < 3; i++) {
        int x;
        int arr[4];
        struct acc a;
        int *p;
        long long big;
        double d;
        x += i;
        arr[i] += i + 1;
        a.n += 10;
        a.hist[i] += 1;
        big += 1LL << 40;
        d += 0.5;
        printf("iter %d: x=%d arr=%d%d%d%d a.n=%d hist=%d%d%d p=%s a.p=%s big=%lld d=%g len=%u\n", i, x,
               arr[0], arr[1], arr[2], arr[3], a.n, a.hist[0], a.hist[1], a.hist[2],
               p == NULL ? "NULL" : "set", a.p == NULL ? "NULL" : "set", big, d, lengthof(arr));
        p = &target;
        a.p = &target;
    }
    int kept = 1;
    for (int i = 0; i < 3; i++) {
        int initialised = 7;
        initialised += i;
        kept *= initialised;
    }
    printf("kept %d\n", kept);
    int k = 0;
again:;
    int y;
    y += k;
    printf("goto loop y=%d\n", y);
    if (++k < 3)
        goto again;
    char buf[6];
    printf("buf %d %d %u\n", buf[0], buf[5], lengthof(buf));
    return 0;
}
