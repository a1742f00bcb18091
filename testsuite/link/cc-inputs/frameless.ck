/* objcheck/cc-frameless.sh: a frame addressed from %esp, %ebp holding a
 * temp (cc/i386/abi.c; -O1 and up without -g). */
#include <cuckoo.ckh>

static int table[64];

/* more values live across the loop than %ecx, %ebx, %esi, %edi hold */
int mix(int a[], int n, int k)
{
    int s0 = 0, s1 = 1, s2 = 2, s3 = 3;
    for (int i = 0; i < n; i++) {
        int x = a[i];
        s0 += x;
        s1 ^= x * 3;
        s2 += s1 & k;
        s3 += table[(x + k) & 63];
    }
    return s0 + s1 + s2 + s3;
}

int main(void)
{
    int a[50];
    for (int i = 0; i < 50; i++)
        a[i] = i * 7;
    for (int i = 0; i < 64; i++)
        table[i] = i * i;
    printf("%d\n", mix(a, 50, 5));
    return 0;
}
