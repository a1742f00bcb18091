/* QUICKSORT (Cuckoo version): arrays in loops and recursion.  Sorts N
   pseudo-random integers with a recursive quicksort (median of three,
   insertion sort below 16 elements), REPEAT times on fresh data, and
   checks the order.  Must print the same line as quicksort.c. */
#include <cuckoo.ckh>

#ifndef N
#define N 200000
#endif
#ifndef REPEAT
#define REPEAT 20
#endif

static int data[N];

static void insertion_sort(int v[], int lo, int hi)
{
    for (int i = lo + 1; i <= hi; i++) {
        int x = v[i];
        int j = i - 1;
        while (j >= lo && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static void swap(int v[], int i, int j)
{
    int t = v[i];
    v[i] = v[j];
    v[j] = t;
}

static void quicksort(int v[], int lo, int hi)
{
    while (hi - lo >= 16) {
        int mid = lo + (hi - lo) / 2;
        if (v[mid] < v[lo])
            swap(v, mid, lo);
        if (v[hi] < v[lo])
            swap(v, hi, lo);
        if (v[hi] < v[mid])
            swap(v, hi, mid);
        int pivot = v[mid];
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i <= j) {
                swap(v, i, j);
                i++;
                j--;
            }
        }
        /* recurse into the smaller part, loop on the larger */
        if (j - lo < hi - i) {
            quicksort(v, lo, j);
            lo = i;
        } else {
            quicksort(v, i, hi);
            hi = j;
        }
    }
    insertion_sort(v, lo, hi);
}

int main(void)
{
    unsigned x = 12345;
    unsigned check = 0;
    int disorder = 0;
    for (int r = 0; r < REPEAT; r++) {
        for (int i = 0; i < N; i++) {
            x = x * 1103515245u + 12345u;
            data[i] = (int)(x >> 1) % 1000000 - 500000;
        }
        quicksort(data, 0, N - 1);
        for (int i = 1; i < N; i++)
            if (data[i - 1] > data[i])
                disorder++;
        check = check * 31 + (unsigned)data[N / 3] + (unsigned)data[N - 1];
    }
    printf("quicksort: %d rounds of %d integers, %d out of order, check %u\n", REPEAT, N, disorder, check);
    return 0;
}
