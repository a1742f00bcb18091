/* Condition variables: two threads take strict turns; a bounded queue. */
#include <cuckoo.ckh>

mutex_t *m;
cond_t *turn_changed;
int turn;
int (*log_buf)[];
int log_len;

int player(int me, int rounds)
{
    for (int r = 0; r < rounds; r++) {
        mutex_lock(m);
        while (turn != me)
            cond_wait(turn_changed, m);
        log_buf[log_len++] = me * 100 + r;
        turn = 1 - me;
        cond_broadcast(turn_changed);
        mutex_unlock(m);
    }
    return rounds;
}

cond_t *not_full;
cond_t *not_empty;
int queue[4];
int head, tail, count;

int producer(int n)
{
    for (int i = 1; i <= n; i++) {
        mutex_lock(m);
        while (count == lengthof(queue))
            cond_wait(not_full, m);
        queue[tail] = i;
        tail = (tail + 1) % lengthof(queue);
        count++;
        cond_signal(not_empty);
        mutex_unlock(m);
    }
    return 0;
}

int consumer(int n)
{
    int sum = 0;
    int ordered = 1;
    for (int i = 1; i <= n; i++) {
        mutex_lock(m);
        while (count == 0)
            cond_wait(not_empty, m);
        int v = queue[head];
        head = (head + 1) % lengthof(queue);
        count--;
        cond_signal(not_full);
        mutex_unlock(m);
        if (v != i)
            ordered = 0;
        sum += v;
    }
    return ordered ? sum : -1;
}

int main(void)
{
    m = mutex_new();
    turn_changed = cond_new();
    log_buf = new(int[10]);
    thread_t a = spawn player(0, 5);
    thread_t b = spawn player(1, 5);
    printf("rounds %d %d\n", join(a), join(b));
    for (int i = 0; i < log_len; i++)
        printf("%d ", log_buf[i]);
    printf("\n");
    not_full = cond_new();
    not_empty = cond_new();
    thread_t c = spawn consumer(1000);
    thread_t p = spawn producer(1000);
    join(p);
    printf("consumer %d\n", join(c));
    cond_free(not_full);
    cond_free(not_empty);
    cond_free(turn_changed);
    mutex_free(m);
    return 0;
}
