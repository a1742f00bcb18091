/* spawn and join; a mutex protects a shared counter. */
#include <cuckoo.ckh>

mutex_t *lock;
int shared;
long long shared_sum;

int worker(int id, int iterations)
{
    for (int i = 0; i < iterations; i++) {
        mutex_lock(lock);
        shared++;
        shared_sum += id;
        mutex_unlock(lock);
    }
    return id * 10;
}

struct job {
    int (*data)[];
    long long result;
};

int summer(struct job *global j)
{
    long long s = 0;
    for (unsigned i = 0; i < lengthof(j->data); i++)
        s += j->data[i];
    j->result = s;
    return lengthof(j->data);
}

int square(int x) { return x * x; }

int main(void)
{
    lock = mutex_new();
    thread_t t[4];
    for (int i = 0; i < 4; i++)
        t[i] = spawn worker(i + 1, 10000);
    int results = 0;
    for (int i = 0; i < 4; i++)
        results += join(t[i]);
    printf("shared %d sum %lld results %d\n", shared, shared_sum, results);
    mutex_free(lock);

    struct job *jobs[3];
    thread_t th[3];
    for (int i = 0; i < 3; i++) {
        jobs[i] = new(struct job);
        jobs[i]->data = new(int[1000 * (i + 1)]);
        for (unsigned k = 0; k < lengthof(jobs[i]->data); k++)
            jobs[i]->data[k] = k;
        th[i] = spawn summer(jobs[i]);
    }
    for (int i = 0; i < 3; i++) {
        int n = join(th[i]);
        printf("job %d: %d elements sum %lld\n", i, n, jobs[i]->result);
    }
    int total = 0;
    for (int i = 1; i <= 5; i++)
        total += join(spawn square(i));
    printf("squares %d\n", total);
    return 0;
}
