/* PRODUCER-CONSUMER (C version): one producer and one consumer pass ITEMS
   values through one shared bounded buffer guarded by a mutex and two
   condition variables; the consumer prints a checksum.  Must print the same
   line as producer-consumer.ck. */
#include <stdio.h>
#include <pthread.h>

#ifndef ITEMS
#define ITEMS 1000000
#endif
#define SIZE 64

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int buffer[SIZE];
static int head, tail, count;

static void *producer(void *arg)
{
    (void)arg;
    unsigned x = 1;
    for (int i = 0; i < ITEMS; i++) {
        x = x * 1103515245u + 12345u;
        pthread_mutex_lock(&lock);
        while (count == SIZE)
            pthread_cond_wait(&not_full, &lock);
        buffer[tail] = (int)(x >> 8);
        tail = (tail + 1) % SIZE;
        count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static unsigned checksum;

static void *consumer(void *arg)
{
    (void)arg;
    unsigned sum = 0;
    for (int i = 0; i < ITEMS; i++) {
        pthread_mutex_lock(&lock);
        while (count == 0)
            pthread_cond_wait(&not_empty, &lock);
        int v = buffer[head];
        head = (head + 1) % SIZE;
        count--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&lock);
        sum = sum * 31 + (unsigned)v;
    }
    checksum = sum;
    return NULL;
}

int main(void)
{
    pthread_t p, c;
    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("producer-consumer: %d items, checksum %u\n", ITEMS, checksum);
    return 0;
}
