/* HISTOGRAM-MT (C version): several threads.  THREADS workers each
   hash their share of ITEMS integers into a private 256-bucket histogram,
   CHUNK items at a time, and add it into the shared histogram under one
   mutex after every chunk; main prints the buckets' checksum.  The result
   does not depend on the interleaving.  Must print the same line as
   histogram-mt.ck. */
#include <stdio.h>
#include <pthread.h>

#ifndef ITEMS
#define ITEMS 100000000
#endif
#define THREADS 4
#define CHUNK 4096
#define BUCKETS 256

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
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

static void *worker(void *arg)
{
    int part = (int)(long)arg;
    int local[BUCKETS];
    int first = part * (ITEMS / THREADS);
    int last = first + ITEMS / THREADS;
    for (int start = first; start < last; start += CHUNK) {
        int end = start + CHUNK < last ? start + CHUNK : last;
        for (int b = 0; b < BUCKETS; b++)
            local[b] = 0;
        for (int i = start; i < end; i++)
            local[mix((unsigned)i) & (BUCKETS - 1)]++;
        pthread_mutex_lock(&lock);
        for (int b = 0; b < BUCKETS; b++)
            shared[b] += local[b];
        merges++;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, worker, (void *)(long)i);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    unsigned check = 0;
    long long total = 0;
    for (int b = 0; b < BUCKETS; b++) {
        check = check * 31 + (unsigned)shared[b];
        total += shared[b];
    }
    printf("histogram-mt: %d threads, %lld items, %d merges, check %u\n", THREADS, total, merges, check);
    return 0;
}
