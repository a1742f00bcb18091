/* A bounds failure whose long long index lives in a spill slot when the check
 * runs: at -O1 and up the frame is addressed from %esp (cc/i386/abi.c),
 * and the cold stub pushes the slot after pushing other words, so it must
 * shift the slot's offset by what it pushed (stub_operand).  The trap
 * names the index and the length, the same at every level.  The index is
 * updated in its slot (addl, adcl) and compared there: the checker keeps the
 * compare's fact for the load that reads the slot again (tld/verify.c,
 * generic: a memory write is one fresh value). */
#include <cuckoo.ckh>

int grid[40];

int walk(int n, int k)
{
    int s0 = 1, s1 = 2, s2 = 3, s3 = 4, s4 = 5, s5 = 6, s6 = 7;
    long long idx = (long long)k * 3 + 4294967296LL * (k > 5);
    for (int i = 0; i < n; i++) {
        s0 += i;
        s1 ^= s0 + k;
        s2 += s1 * 5;
        s3 -= s2 >> 2;
        s4 += s3 & 255;
        s5 ^= s4 + i;
        s6 += s5 | s0;
        idx = idx + 1;
        grid[idx] = s0 + s1 + s2 + s3 + s4 + s5 + s6;
    }
    return s0 + s1 + s2 + s3 + s4 + s5 + s6 + (int)idx;
}

int main(void)
{
    printf("%d\n", walk(10, 2));
    printf("%d\n", walk(10, 10));
    return 0;
}
