/* Sockets of the systems interface (LANGUAGE.md §12.1): a TCP echo over
 * loopback between two threads, shutdown_write and end of stream, poll
 * with a timeout and with data, UDP both ways with the sender's address,
 * and the errors: a refused connection, a bad address, a write to a closed
 * connection (-EPIPE: SIGPIPE is ignored). */
#include <cuckoo.ckh>

int listener;

int echo_server(void)
{
    int c = tcp_accept(listener);
    if (c < 0)
        return 1;
    char buf[64];
    int total = 0;
    for (;;) {
        int n = read_bytes(c, buf, 64);
        if (n <= 0)
            break;
        write_bytes(c, buf, n);
        total = total + n;
    }
    close(c);
    return total;
}

void show(const char what[], int r)
{
    if (r < 0)
        printf("%s: %d (%s)\n", what, r, *strerror(r));
    else
        printf("%s: %d\n", what, r);
}

int main(void)
{
    listener = tcp_listen("127.0.0.1", 0, 4);
    int port = socket_port(listener);
    printf("listening: %s\n", listener >= 3 && port > 0 ? "yes" : "no");
    thread_t t = spawn echo_server();
    int s = tcp_connect("127.0.0.1", port);
    printf("connected: %s\n", s >= 3 ? "yes" : "no");

    struct pollfd p[1];
    p[0].fd = s;
    p[0].events = POLLIN;
    show("poll before data (50 ms)", poll(p, 1, 50));
    printf("revents %d\n", p[0].revents);

    char msg[32];
    strlcpy(msg, "hello, echo");
    show("write_from", write_from(s, msg, 0, 11));
    show("poll with data", poll(p, 1, 5000));
    printf("revents has POLLIN %d\n", (p[0].revents & POLLIN) != 0);
    char got[32];
    int have = 0;
    while (have < 11) {
        int n = read_into(s, got, have, 31 - have);
        if (n <= 0)
            break;
        have = have + n;
    }
    got[have] = 0;
    printf("echoed: %s\n", got);
    show("shutdown_write", shutdown_write(s));
    show("read at end of stream", read_bytes(s, got, 31));
    close(s);
    show("server total", join(t));
    show("tcp_accept on a bad descriptor", tcp_accept(-1));

    /* the listener is still open: its port is taken */
    show("listen on a taken port", tcp_listen("127.0.0.1", port, 4));
    close(listener);
    show("connect to a closed port", tcp_connect("127.0.0.1", port));
    show("connect to a bad address", tcp_connect("127.0.0.300", 80));
    show("connect to a bad port", tcp_connect("127.0.0.1", 70000));
    show("connect to a name", tcp_connect("localhost", 80));

    /* -EPIPE: the peer is gone */
    listener = tcp_listen("127.0.0.1", 0, 1);
    s = tcp_connect("127.0.0.1", socket_port(listener));
    int c = tcp_accept(listener);
    close(c);
    close(listener);
    sleep_ns(20000000);
    int r = 0, i;
    for (i = 0; i < 20 && r >= 0; i++) {
        r = write_bytes(s, msg, 11);
        sleep_ns(5000000);
    }
    show("writing to a closed connection", r == -EPIPE || r == -ECONNRESET ? -EPIPE : r);
    close(s);

    /* UDP */
    int u1 = udp_bind("127.0.0.1", 0);
    int u2 = udp_bind("", 0);
    int p1 = socket_port(u1), p2 = socket_port(u2);
    show("udp_sendto", udp_sendto(u1, "datagram!", 8, "127.0.0.1", p2));
    char d[16], host[16];
    int from = 0;
    show("udp_recvfrom", udp_recvfrom(u2, d, 16, host, &from));
    d[8] = 0;
    printf("got \"%s\" from %s, the sender's port: %d\n", d, host, from == p1);
    show("udp_sendto back", udp_sendto(u2, "pong", 4, host, from));
    char small[3], tiny[4];
    show("udp_recvfrom, 2 of 4 bytes", udp_recvfrom(u1, small, 2, tiny, &from));
    printf("%c%c from \"%s\"\n", small[0], small[1], tiny);
    struct pollfd q[2];
    q[0].fd = u1;
    q[0].events = POLLIN;
    q[1].fd = u2;
    q[1].events = POLLIN;
    show("poll two idle sockets (30 ms)", poll(q, 2, 30));
    show("poll none, 0 of 2", poll(q, 0, 0));
    show("udp_sendto a bad address", udp_sendto(u1, "x", 1, "1.2.3", 9));
    close(u1);
    close(u2);
    return 0;
}
