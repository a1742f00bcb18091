/* Array parameters: T a[] is T (*)[], T a[N] is T (*)[N], T m[][4] is T (*)[][4]. */
#include <cuckoo.ckh>

int sum_any(const int v[])
{
    int s = 0;
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v[i];
    return s;
}

int sum_three(const int v[3])
{
    return v[0] + v[1] + v[2] + lengthof(v) * 1000;
}

void fill(int v[], int start)
{
    for (unsigned i = 0; i < lengthof(v); i++)
        v[i] = start + i;
}

int trace(int m[][4])
{
    int t = 0;
    for (unsigned i = 0; i < lengthof(m) && i < 4; i++)
        t += m[i][i];
    return t + lengthof(m) * 100 + lengthof(m[0]) * 10;
}

void scale(int m[][4], int k)
{
    for (unsigned i = 0; i < lengthof(m); i++)
        for (unsigned j = 0; j < lengthof(m[i]); j++)
            m[i][j] *= k;
}

unsigned count(const char s[]) { return lengthof(s); }

int main(void)
{
    int a[5];
    fill(a, 10);
    printf("a: %d %d %d %d %d\n", a[0], a[1], a[2], a[3], a[4]);
    printf("sum_any %d\n", sum_any(a));
    int b[3] = {1, 2, 3};
    printf("sum_three %d\n", sum_three(b));
    int big[8] = {1, 1, 1, 1, 1, 1, 1, 1};
    printf("sum_three narrowed %d\n", sum_three((int (*)[3])big));
    int (*dyn)[] = new(int[7]);
    fill(dyn, -3);
    printf("dyn %d %u\n", sum_any(dyn), lengthof(dyn));
    delete(dyn);
    int m[3][4] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    printf("trace %d\n", trace(m));
    scale(m, 2);
    printf("scaled %d %d %d\n", m[0][0], m[1][2], m[2][3]);
    int (*hm)[][4] = new(int[6][4]);
    for (unsigned i = 0; i < lengthof(hm); i++)
        hm[i][i % 4] = 1;
    printf("heap trace %d\n", trace(hm));
    delete(hm);
    printf("count %u %u\n", count("four"), count(""));
    char buf[16];
    printf("count buf %u\n", count(buf));
    return 0;
}
