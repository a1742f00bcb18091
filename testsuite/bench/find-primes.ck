/* FIND-PRIMES (Cuckoo version): the Sieve of Eratosthenes for the primes
   below 10^4, repeated REPEAT times.  Must print the same line as
   find-primes.c. */
#include <cuckoo.ckh>

#define LIMIT 10000
#ifndef REPEAT
#define REPEAT 50000
#endif

static char composite[LIMIT];

static int sieve(void)
{
    int count = 0;
    for (int i = 0; i < LIMIT; i++)
        composite[i] = 0;
    for (int i = 2; i < LIMIT; i++) {
        if (composite[i])
            continue;
        count++;
        for (int j = i * i; j < LIMIT; j += i)
            composite[j] = 1;
    }
    return count;
}

int main(void)
{
    long long total = 0;
    int count = 0;
    for (int r = 0; r < REPEAT; r++) {
        count = sieve();
        total += count;
    }
    unsigned check = 0;
    for (int i = 2; i < LIMIT; i++)
        if (!composite[i])
            check = check * 31 + i;
    printf("find-primes: %d primes below %d, %lld in total, check %u\n", count, LIMIT, total, check);
    return 0;
}
