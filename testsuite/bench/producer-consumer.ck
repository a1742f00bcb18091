/* PRODUCER-CONSUMER (Cuckoo version): one producer and one consumer pass
   ITEMS values through one shared bounded buffer guarded by a mutex and two
   condition variables; the consumer prints a checksum.  Must print the same
   line as producer-consumer.c. */
#include <cuckoo.ckh>

#ifndef ITEMS
#define ITEMS 1000000
#endif
#define SIZE 64

static mutex_t *lock;
static cond_t *not_full;
static cond_t *not_empty;
static int buffer[SIZE];
static int head, tail, count;

int producer(int items)
{
    unsigned x = 1;
    for (int i = 0; i < items; i++) {
        x = x * 1103515245u + 12345u;
        mutex_lock(lock);
        while (count == SIZE)
            cond_wait(not_full, lock);
        buffer[tail] = (int)(x >> 8);
        tail = (tail + 1) % SIZE;
        count++;
        cond_signal(not_empty);
        mutex_unlock(lock);
    }
    return 0;
}

static unsigned checksum;

int consumer(int items)
{
    unsigned sum = 0;
    for (int i = 0; i < items; i++) {
        mutex_lock(lock);
        while (count == 0)
            cond_wait(not_empty, lock);
        int v = buffer[head];
        head = (head + 1) % SIZE;
        count--;
        cond_signal(not_full);
        mutex_unlock(lock);
        sum = sum * 31 + (unsigned)v;
    }
    checksum = sum;
    return 0;
}

int main(void)
{
    lock = mutex_new();
    not_full = cond_new();
    not_empty = cond_new();
    thread_t c = spawn consumer(ITEMS);
    thread_t p = spawn producer(ITEMS);
    join(p);
    join(c);
    printf("producer-consumer: %d items, checksum %u\n", ITEMS, checksum);
    return 0;
}
