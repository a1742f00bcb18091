/* §13.2 under contention: four producers and four consumers share one
 * channel of capacity 4 (and a signal handler that allocates keeps
 * interrupting them).  Every object sent is received exactly once, intact,
 * and deleted by its receiver; the channel is closed once every producer
 * is done, and every consumer then sees NULL. */
#include <cuckoo.ckh>

struct msg {
    int from, seq;
    long long check;
    struct msg *own extra;          /* an owned member travels with it */
};

chan_t *ch;
int alarms;

void on_alarm(int sig) {
    delete(new(struct msg));
    alarms++;
}

int rounds(void) {
    string *s = getenv("CUCKOO_STRESS_SCALE");
    int k = s == NULL ? 1 : atoi(*s);
    return 20000 * (k < 1 ? 1 : k);
}

int produce(int id, int n) {
    for (int i = 0; i < n; i++) {
        struct msg *own m = new(struct msg);
        m->from = id;
        m->seq = i;
        m->check = (long long)id * 1000003 + i;
        m->extra = new(struct msg);
        m->extra->seq = i;
        chan_send(ch, m);
    }
    return n;
}

long long sums[4];
int consume(int id) {
    int n = 0;
    for (;;) {
        struct msg *own m = chan_recv(ch, struct msg);
        if (m == NULL)
            break;
        if (m->check != (long long)m->from * 1000003 + m->seq || m->extra == NULL ||
            m->extra->seq != m->seq)
            printf("corrupt message from %d\n", m->from);
        sums[id] += m->check;
        delete(m);                  /* and its extra */
        n++;
    }
    return n;
}

int main(void) {
    signal_handler(SIGALRM, on_alarm);
    printf("start\n");
    fflush(stdout);
    ch = chan_new(4);
    int n = rounds();
    thread_t p[4], c[4];
    for (int i = 0; i < 4; i++)
        c[i] = spawn consume(i);
    for (int i = 0; i < 4; i++)
        p[i] = spawn produce(i, n);
    int sent = 0, got = 0;
    for (int i = 0; i < 4; i++)
        sent += join(p[i]);
    chan_close(ch);
    for (int i = 0; i < 4; i++)
        got += join(c[i]);
    long long total = sums[0] + sums[1] + sums[2] + sums[3], want = 0;
    for (int id = 0; id < 4; id++)
        for (int i = 0; i < n; i++)
            want += (long long)id * 1000003 + i;
    printf("%s\n", sent == got && got == 4 * n && total == want ? "all delivered once" : "LOST OR DUPLICATED");
    return 0;
}
