/* while, do/while, for with declarations, break, continue and goto. */
#include <cuckoo.ckh>

int find(const int v[], int key)
{
    int found = -1;
    for (unsigned i = 0; i < lengthof(v); i++) {
        if (v[i] != key)
            continue;
        found = i;
        goto done;
    }
    printf("(not found) ");
done:
    return found;
}

int main(void)
{
    int i = 0;
    while (i < 5)
        i += 2;
    printf("while %d\n", i);
    int n = 0;
    do {
        n++;
    } while (n < 0);
    printf("do once %d\n", n);
    do
        n *= 3;
    while (n < 100);
    printf("do %d\n", n);
    int total = 0;
    for (int j = 0, k = 10; j < k; j++, k--)
        total += k - j;
    printf("for %d\n", total);
    for (int j = 0; j < 3; j++)
        for (int j2 = 0; j2 < 3; j2++) {
            if (j2 == j)
                break;
            printf("(%d,%d)", j, j2);
        }
    printf("\n");
    int count = 0;
    for (;;) {
        if (++count == 7)
            break;
    }
    printf("forever %d\n", count);
    int r = 0;
    while (1) {
        r++;
        if (r % 2)
            continue;
        if (r > 8)
            break;
        printf("%d ", r);
    }
    printf("\n");
    int v[6] = {4, 8, 15, 16, 23, 42};
    printf("find %d %d\n", find(v, 16), find(v, 5));
    int x = 0, y;
    for (x = 0; x < 5; x++)
        for (y = 0; y < 5; y++)
            if (x * y == 6)
                goto out;
out:
    printf("goto out %d %d\n", x, y);
    int back = 0;
again:
    back++;
    if (back < 4)
        goto again;
    printf("goto back %d\n", back);
    {
        int k = 3;
        goto skip;
    skip:
        k++;
        printf("block %d\n", k);
    }
    int s = 0;
    for (unsigned u = 10; u-- > 0;)
        s += u;
    printf("down %d\n", s);
    return 0;
}
