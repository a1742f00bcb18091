/* lengthof and sizeof: an array's size includes its length word (§4). */
#include <cuckoo.ckh>

struct holder {
    char tag;
    int v[3];
};

struct dholder {
    double d[2];
    char c;
};

int main(void)
{
    int a[5];
    char c3[3];
    short s3[3];
    double d3[3];
    int m[3][4];
    char z[0];
    long long q[2];
    printf("int[5] %u %u\n", sizeof(a), lengthof(a));
    printf("char[3] %u %u\n", sizeof(c3), lengthof(c3));
    printf("short[3] %u\n", sizeof(s3));
    printf("double[3] %u\n", sizeof(d3));
    printf("int[3][4] %u %u %u %u\n", sizeof(m), lengthof(m), sizeof(m[0]), lengthof(m[2]));
    printf("char[0] %u %u\n", sizeof(z), lengthof(z));
    printf("long long[2] %u\n", sizeof(q));
    printf("types %u %u %u %u\n", sizeof(int[5]), sizeof(char[3]), sizeof(int[3][4]), lengthof(int[7]));
    printf("char[1..9]");
    printf(" %u %u %u %u %u", sizeof(char[1]), sizeof(char[2]), sizeof(char[4]), sizeof(char[5]), sizeof(char[8]));
    printf(" %u\n", sizeof(char[9]));
    printf("elem %u %u\n", sizeof(a[0]), sizeof(m[1][1]));
    printf("struct %u %u\n", sizeof(struct holder), sizeof(struct dholder));
    printf("nested %u %u\n", sizeof(char[2][3]), sizeof(short[2][2][2]));

    int init[] = {1, 2, 3};
    int part[6] = {9, 8};
    int des[] = {[4] = 5, [1] = 2};
    printf("lengths %u %u %u\n", lengthof(init), lengthof(part), lengthof(des));
    for (unsigned i = 0; i < lengthof(part); i++)
        printf("%d ", part[i]);
    printf("|");
    for (unsigned i = 0; i < lengthof(des); i++)
        printf(" %d", des[i]);
    printf("\n");
    for (unsigned i = 0; i < lengthof(a); i++)
        a[i] = i * i;
    int sum = 0;
    for (unsigned i = 0; i < lengthof(a); i++)
        sum += a[i];
    printf("sum %d\n", sum);
    printf("not a count %u\n", sizeof(a) / sizeof(a[0]));
    return 0;
}
