/* Issue 10: a C programmer's byte-order and address functions name the
 * Cuckoo functions of §12.1 to use instead (declaring them would only move
 * the failure to the link). */
#include <stdint.h>
int main(void) {
    char pkt[8];
    uint16_t port = htons(8080);
    uint32_t addr = htonl(0x7f000001u);
    unsigned len = ntohs(port);
    unsigned seq = ntohl(addr);
    unsigned le = le32toh(seq);
    unsigned a = inet_addr("127.0.0.1");
    put_be16(pkt, 0, len);
    return (int)(le + a + (unsigned)pkt[0]);
}
