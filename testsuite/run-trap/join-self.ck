/* A thread that joins its own handle (LANGUAGE.md §10): pthread_join
   fails with EDEADLK, and a runtime that ignored the failure returned the
   record and the stack the thread is running on to their pools, so the
   next spawn ran a second thread on the same stack.  It traps delete. */
#include <cuckoo.ckh>

thread_t self;
mutex_t *m;
volatile int joined;

int worker(int n)
{
    mutex_lock(m);              /* wait until main has stored the handle */
    thread_t t = self;
    mutex_unlock(m);
    printf("worker %d joins itself\n", n);
    fflush(stdout);
    int r = join(t);
    printf("join of itself returned %d\n", r);
    joined = 1;
    return 0;
}

int main(void)
{
    m = mutex_new();
    mutex_lock(m);
    self = spawn worker(1);
    mutex_unlock(m);
    while (!joined) {}
    printf("main spawns again\n");
    thread_t other = spawn worker(2);
    join(other);
    return 0;
}
