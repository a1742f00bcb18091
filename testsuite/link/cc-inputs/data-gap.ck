/* link/cc-forged-static-data.sh: arr, a one-element array, between big and victim. */
#include <cuckoo.ckh>

char big[200000];
int arr[1] = {7};
int victim[4] = {1, 2, 3, 4};

unsigned len(int (*p)[]) { return lengthof(p); }

void poke(int (*p)[], unsigned i, int v)
{
    if (i < lengthof(p))
        (*p)[i] = v;
}

int peek(int (*p)[], unsigned i)
{
    if (i < lengthof(p))
        return (*p)[i];
    return -1;
}

int main(void)
{
    big[0] = 1;
    printf("len %u victim[0]=%d\n", len(arr), victim[0]);
    poke(arr, 2, 1234);
    printf("after: victim[0]=%d peek(arr,100)=%d\n", victim[0], peek(arr, 100));
    return 0;
}
