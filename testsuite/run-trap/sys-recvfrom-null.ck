/* udp_recvfrom traps null on a NULL out parameter, before it takes a
 * datagram. */
#include <cuckoo.ckh>

int main(void)
{
    char b[8], host[16];
    int u = udp_bind("127.0.0.1", 0);
    udp_sendto(u, "x", 1, "127.0.0.1", socket_port(u));
    int *port = NULL;
    udp_recvfrom(u, b, 8, host, port);
    return 0;
}
