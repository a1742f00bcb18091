/* HISTOGRAM-MT (Cuckoo version): several threads.  THREADS workers each
   hash their share of ITEMS integers into a private 256-bucket histogram,
   CHUNK items at a time, and add it into the shared histogram under one
   mutex after every chunk; main prints the buckets' checksum.  The result
   does not depend on the interleaving.  Must print the same line as
   histogram-mt.c. */
#include <cuckoo.ckh>

#ifndef ITEMS
#define ITEMS 100000000
#endif
#define THREADS 4
#define CHUNK 4096
#define BUCKETS 256

static mutex_t *lock;
static long long shared[BUCKETS];
static int merges;

static unsigned mix(unsigned x)
{
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
}

int worker(int part)
{
    int local[BUCKETS];
    int first = part * (ITEMS / THREADS);
    int last = first + ITEMS / THREADS;
    for (int start = first; start < last; start += CHUNK) {
        int end = start + CHUNK < last ? start + CHUNK : last;
        for (int b = 0; b < BUCKETS; b++)
            local[b] = 0;
        for (int i = start; i < end; i++)
            local[mix((unsigned)i) & (BUCKETS - 1)]++;
        mutex_lock(lock);
        for (int b = 0; b < BUCKETS; b++)
            shared[b] += local[b];
        merges++;
        mutex_unlock(lock);
    }
    return 0;
}

int main(void)
{
    lock = mutex_new();
    thread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        t[i] = spawn worker(i);
    for (int i = 0; i < THREADS; i++)
        join(t[i]);
    unsigned check = 0;
    long long total = 0;
    for (int b = 0; b < BUCKETS; b++) {
        check = check * 31 + (unsigned)shared[b];
        total += shared[b];
    }
    printf("histogram-mt: %d threads, %lld items, %d merges, check %u\n", THREADS, total, merges, check);
    return 0;
}
