/* ?: on arrays of different lengths meets at T (*)[]. */
#include <cuckoo.ckh>

const char (*answer(int ok))[]
{
    return ok ? "yes" : "no";
}

int main(void)
{
    for (int ok = 0; ok < 2; ok++) {
        const char (*s)[] = ok ? "yes" : "no";
        printf("%s %u %s %u\n", s, lengthof(s), answer(!ok), lengthof(answer(!ok)));
        printf("[%s]\n", ok ? "true" : "false!");
    }
    int three[3] = {1, 2, 3};
    int five[5] = {5, 6, 7, 8, 9};
    for (int k = 0; k < 2; k++) {
        int (*p)[] = k ? three : five;
        printf("len %u last %d\n", lengthof(p), p[lengthof(p) - 1]);
        printf("direct %u\n", lengthof(k ? five : three));
    }
    int (*heap)[] = new(int[9]);
    int (*pick)[] = heap ? heap : three;
    printf("pick %u\n", lengthof(pick));
    delete(heap);
    int x = 5;
    const int cfive[2] = {4, 2};
    const int (*mixed)[] = x ? three : cfive;
    printf("mixed %u %d\n", lengthof(mixed), mixed[0]);
    int y = x > 3 ? x * 2 : x - 1;
    printf("scalar %d %d\n", y, x < 3 ? 1 : x < 6 ? 2 : 3);
    return 0;
}
