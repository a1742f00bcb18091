/* Once signals go to the runtime's signal thread (doc/runtime.md "Signals
 * with threads"), a handler still interrupts the waits of an event loop:
 * poll, tcp_accept and udp_recvfrom return -EINTR after a handler ran
 * (here for a kill() of the process from another thread, and for alarm),
 * so the loop can look at what the handler set; a ready descriptor is
 * still reported as ready. */
#include <cuckoo.ckh>

int stop_sender;
int hits;

void on_usr1(int sig) { atomic_add(&hits, sig); }

/* signals the process every 20 ms until told to stop */
int sender(int ms)
{
    while (!atomic_load(&stop_sender)) {
        sleep_ns(ms * 1000000LL);
        kill(getpid(), SIGUSR1);
    }
    return 0;
}

int main(void)
{
    signal_handler(SIGUSR1, on_usr1);
    int l = tcp_listen("127.0.0.1", 0, 4);
    int u = udp_bind("127.0.0.1", 0);
    thread_t t = spawn sender(20);
    struct pollfd p[1];
    p[0].fd = l;
    p[0].events = POLLIN;
    struct pollfd many[40];         /* more than the runtime keeps on its stack */
    for (int i = 0; i < 40; i++) {
        many[i].fd = i == 39 ? l : -1;
        many[i].events = POLLIN;
    }
    int r = poll(many, 40, 10000);
    printf("poll of 40: %d (%s), handler ran: %d\n", r, *strerror(r), atomic_load(&hits) > 0);
    r = poll(p, 1, 10000);
    printf("poll: %d (%s)\n", r, *strerror(r));
    r = tcp_accept(l);
    printf("tcp_accept: %d (%s)\n", r, *strerror(r));
    char buf[16];
    char host[20];
    int port = 0;
    r = udp_recvfrom(u, buf, lengthof(buf), host, &port);
    printf("udp_recvfrom: %d (%s)\n", r, *strerror(r));
    atomic_store(&stop_sender, 1);
    join(t);

    /* alarm: SIGALRM comes to the signal thread from the kernel */
    signal_handler(SIGALRM, on_usr1);
    alarm(1);
    r = poll(p, 1, 10000);
    printf("poll under alarm: %d (%s)\n", r, *strerror(r));

    /* a ready descriptor wins */
    int c = tcp_connect("127.0.0.1", socket_port(l));
    r = poll(p, 1, 10000);
    printf("poll with a connection waiting: %d, revents %d\n", r, p[0].revents);
    int a = tcp_accept(l);
    printf("accepted: %d\n", a >= 0);
    close(a);
    close(c);
    return 0;
}
