/* A trial program's idiom (issue 10): a timer-driven rate limiter.  A
 * token bucket refilled from the monotonic clock (clock_ns) makes callers
 * wait with sleep_ns instead of spinning; a refill thread adds tokens on a
 * period; alarm() and a SIGALRM handler end the run.  Compiled with
 * -Wall -Wextra -Werror. */
#include <stdint.h>
#include <stdbool.h>

#define NS_PER_SEC 1000000000LL

struct bucket {
    long long rate;             /* tokens per second */
    long long burst;            /* capacity */
    long long tokens;
    long long last_ns;          /* time of the last refill */
};

static void bucket_init(struct bucket *b, long long rate, long long burst) {
    b->rate = rate;
    b->burst = burst;
    b->tokens = burst;
    b->last_ns = clock_ns();
}

static void bucket_refill(struct bucket *b) {
    long long now = clock_ns();
    long long earned = (now - b->last_ns) * b->rate / NS_PER_SEC;
    if (earned > 0) {
        b->tokens = b->tokens + earned > b->burst ? b->burst : b->tokens + earned;
        b->last_ns += earned * NS_PER_SEC / b->rate;
    }
}

/* Takes one token, sleeping until there is one; returns the time waited. */
static long long bucket_take(struct bucket *b) {
    long long waited = 0;
    for (;;) {
        bucket_refill(b);
        if (b->tokens > 0) {
            b->tokens--;
            return waited;
        }
        long long until_next = NS_PER_SEC / b->rate - (clock_ns() - b->last_ns);
        if (until_next < 1000)
            until_next = 1000;
        long long t0 = clock_ns();
        sleep_ns(until_next);
        waited += clock_ns() - t0;
    }
}

/* A second bucket refilled by a thread on a period; the takers poll it. */
static int shared_tokens;
static int stop_refill;
static int alarm_fired;

int refiller(int period_ms) {
    int rounds = 0;
    while (!atomic_load(&stop_refill)) {
        sleep_ns(period_ms * 1000000LL);
        if (atomic_load(&shared_tokens) < 5)
            atomic_add(&shared_tokens, 1);
        rounds++;
    }
    return rounds;
}

static bool take_shared(void) {
    for (;;) {
        int t = atomic_load(&shared_tokens);
        if (t == 0)
            return false;
        if (atomic_cas(&shared_tokens, t, t - 1) == t)
            return true;
    }
}

static void on_alarm(int sig) {
    if (sig == SIGALRM)
        atomic_store(&alarm_fired, 1);
}

int main(void) {
    /* 1. 60 requests at 1000 per second with a burst of 10: the first 10
     * pass at once, the other 50 take at least about 50 ms. */
    struct bucket b;
    bucket_init(&b, 1000, 10);
    long long start = clock_ns();
    int immediate = 0;
    for (int i = 0; i < 60; i++)
        if (bucket_take(&b) == 0)
            immediate++;
    long long took_ms = (clock_ns() - start) / 1000000;
    printf("immediate >= 10: %s\n", immediate >= 10 ? "yes" : "no");
    printf("60 requests took >= 45 ms: %s\n", took_ms >= 45 ? "yes" : "no");

    /* 2. a refill thread, one token every 10 ms; alarm(1) ends the run */
    signal_handler(SIGALRM, on_alarm);
    thread_t t = spawn refiller(10);
    unsigned previous = alarm(1);
    int served = 0, refused = 0;
    while (!atomic_load(&alarm_fired)) {
        if (take_shared())
            served++;
        else
            refused++;
        sleep_ns(500000);       /* 0.5 ms between requests */
    }
    atomic_store(&stop_refill, 1);
    int rounds = join(t);
    printf("previous alarm %u\n", previous);
    printf("alarm fired: %d\n", atomic_load(&alarm_fired));
    /* about 100 refills in a second: served is bounded by them (plus none
     * at the start), and requests came faster than tokens */
    printf("served <= refills: %s\n", served <= rounds ? "yes" : "no");
    printf("served some: %s, refused some: %s\n", served > 10 ? "yes" : "no",
           refused > 10 ? "yes" : "no");
    printf("cancelled alarm: %u\n", alarm(0));
    return 0;
}
