/* Double delete once the program has threads (the allocator locks from
 * the first spawn on): two threads delete the same object, one of them
 * must trap, whichever comes second. */
#include <cuckoo.ckh>

struct pair {
    int a, b;
};

struct pair *shared;

void drop(struct pair *p)
{
    delete(p);
}

int worker(int unused)
{
    drop(shared);
    return unused;
}

int main(void)
{
    shared = new(struct pair);
    thread_t t = spawn worker(0);
    drop(shared);
    join(t);
    printf("not reached\n");
    return 0;
}
