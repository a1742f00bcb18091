/* cond_timedwait and mutex_trylock (LANGUAGE.md §12.1): a wait nobody
 * signals ends with -ETIMEDOUT after at least its time, holding the mutex
 * again; a signalled wait returns 0; trylock takes a free mutex and
 * refuses a held one, from another thread and from its holder. */
#include <cuckoo.ckh>

mutex_t *m;
cond_t *c;
int ready;

int try_from_other(void)
{
    return mutex_trylock(m);
}

int signaller(void)
{
    sleep_ns(20000000);
    mutex_lock(m);
    ready = 1;
    cond_signal(c);
    mutex_unlock(m);
    return 0;
}

int main(void)
{
    m = mutex_new();
    c = cond_new();
    mutex_lock(m);
    long long t0 = clock_ns();
    int r = cond_timedwait(c, m, 50000000);
    long long t1 = clock_ns();
    printf("timed out: %d, after at least 50 ms: %d\n", r == -ETIMEDOUT, t1 - t0 >= 50000000);
    printf("zero timeout: %d\n", cond_timedwait(c, m, 0) == -ETIMEDOUT);
    printf("negative timeout: %d\n", cond_timedwait(c, m, -1) == -ETIMEDOUT);
    thread_t o = spawn try_from_other();
    printf("trylock of a held mutex from another thread: %d\n", join(o));
    printf("trylock by its holder: %d\n", mutex_trylock(m));

    thread_t s = spawn signaller();
    int waits = 0;
    while (!ready) {
        r = cond_timedwait(c, m, 10000000000LL);
        waits = waits + 1;
    }
    printf("signalled: %d, result %d\n", ready, r);
    mutex_unlock(m);
    join(s);
    printf("trylock of a free mutex: %d\n", mutex_trylock(m));
    mutex_unlock(m);
    printf("huge timeout, signalled first: ");
    ready = 0;
    s = spawn signaller();
    mutex_lock(m);
    while (!ready)
        r = cond_timedwait(c, m, 9223372036854775807LL);
    mutex_unlock(m);
    join(s);
    printf("%d\n", r);
    return 0;
}
