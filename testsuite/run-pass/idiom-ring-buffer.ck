/* A trial program's idiom (issue 10): a fixed-size ring buffer of bytes
 * between a producer and a consumer thread, guarded by a mutex and two
 * condition variables, compiled with -Wall -Wextra -Werror. */
#include <stdint.h>
#include <stdbool.h>

#define RING_SIZE 16
#define MESSAGES 1000

struct ring {
    uint8_t data[RING_SIZE];
    unsigned head;              /* next slot to read */
    unsigned count;             /* bytes stored */
    mutex_t *lock;
    cond_t *not_empty;
    cond_t *not_full;
};

static struct ring *ring_new(void) {
    struct ring *r = new(struct ring);
    r->lock = mutex_new();
    r->not_empty = cond_new();
    r->not_full = cond_new();
    return r;
}

static bool ring_try_put(struct ring *r, uint8_t byte) {
    if (r->count == RING_SIZE)
        return false;
    r->data[(r->head + r->count) % RING_SIZE] = byte;
    r->count++;
    return true;
}

static bool ring_try_get(struct ring *r, uint8_t *out) {
    if (r->count == 0)
        return false;
    *out = r->data[r->head];
    r->head = (r->head + 1) % RING_SIZE;
    r->count--;
    return true;
}

static void ring_put(struct ring *r, uint8_t byte) {
    mutex_lock(r->lock);
    while (!ring_try_put(r, byte))
        cond_wait(r->not_full, r->lock);
    cond_signal(r->not_empty);
    mutex_unlock(r->lock);
}

static uint8_t ring_get(struct ring *r) {
    uint8_t byte = 0;
    mutex_lock(r->lock);
    while (!ring_try_get(r, &byte))
        cond_wait(r->not_empty, r->lock);
    cond_signal(r->not_full);
    mutex_unlock(r->lock);
    return byte;
}

static struct ring *shared;

int producer(int n) {
    for (int i = 0; i < n; i++)
        ring_put(shared, (uint8_t)(i * 7));
    return n;
}

int consumer(int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
        uint8_t b = ring_get(shared);
        if (b != (uint8_t)(i * 7))
            return -1;          /* out of order */
        sum += b;
    }
    return sum;
}

int main(void) {
    /* single-threaded: wrap-around, full and empty */
    struct ring *r = ring_new();
    uint8_t out;
    int stored = 0;
    while (ring_try_put(r, (uint8_t)(200 + stored)))
        stored++;
    printf("stored %d before full\n", stored);
    for (int i = 0; i < 5; i++)
        ring_try_get(r, &out);
    printf("after 5 gets: count %u, next %u\n", r->count, (unsigned)r->data[r->head]);
    for (int i = 0; i < 5; i++)
        ring_try_put(r, (uint8_t)i);
    int got = 0, sum = 0;
    while (ring_try_get(r, &out)) {
        got++;
        sum += out;
    }
    printf("drained %d bytes, sum %d, empty %d\n", got, sum, r->count == 0);

    /* two threads through a small ring */
    shared = ring_new();
    thread_t c = spawn consumer(MESSAGES);
    thread_t p = spawn producer(MESSAGES);
    int sent = join(p);
    int total = join(c);
    int expect = 0;
    for (int i = 0; i < MESSAGES; i++)
        expect += (uint8_t)(i * 7);
    printf("sent %d, checksum %d (%s)\n", sent, total, total == expect ? "ok" : "WRONG");
    return 0;
}
