/* A trial program's idiom (issue 10): parsing and building network
 * packets in a byte buffer with explicit byte order (get_be16/get_be32,
 * put_be16/put_be32 and the little-endian twins, LANGUAGE.md §12.1): an
 * IPv4 header with its checksum and a UDP header in an `unsigned char`
 * buffer, handed to the byte functions through a cast of the array
 * pointer (§8), a length-prefixed record in little-endian, and a
 * truncated packet refused by length checks.  Compiled with
 * -Wall -Wextra -Werror. */
#include <stdint.h>
#include <stdbool.h>

struct ipv4 {
    unsigned version, ihl, total_length, ttl, protocol, checksum;
    uint32_t src, dst;
};

struct udp {
    uint16_t src_port, dst_port, length, checksum;
};

/* the one's-complement sum of 16-bit big-endian words (RFC 1071) */
static uint16_t ip_checksum(const char b[], unsigned off, unsigned n) {
    uint32_t sum = 0;
    for (unsigned i = 0; i + 1 < n; i += 2)
        sum += get_be16(b, off + i);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

static int parse_ipv4(const uint8_t pkt[], unsigned len, struct ipv4 *h) {
    const char (*b)[] = (const char (*)[])pkt;
    if (len < 20)
        return -EINVAL;
    h->version = (unsigned)pkt[0] >> 4;
    h->ihl = pkt[0] & 0xfu;
    if (h->version != 4 || h->ihl < 5 || h->ihl * 4 > len)
        return -EINVAL;
    h->total_length = get_be16(*b, 2);
    h->ttl = pkt[8];
    h->protocol = pkt[9];
    h->checksum = get_be16(*b, 10);
    h->src = get_be32(*b, 12);
    h->dst = get_be32(*b, 16);
    if (ip_checksum(*b, 0, h->ihl * 4) != 0)
        return -EIO;
    return (int)(h->ihl * 4);
}

static int parse_udp(const uint8_t pkt[], unsigned off, unsigned len, struct udp *u) {
    const char (*b)[] = (const char (*)[])pkt;
    if (off + 8 > len)
        return -EINVAL;
    u->src_port = (uint16_t)get_be16(*b, off);
    u->dst_port = (uint16_t)get_be16(*b, off + 2);
    u->length = (uint16_t)get_be16(*b, off + 4);
    u->checksum = (uint16_t)get_be16(*b, off + 6);
    return 8;
}

static void print_addr(const char what[], uint32_t a) {
    printf("%s %u.%u.%u.%u\n", what, a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
}

static unsigned build_packet(uint8_t pkt[]) {
    char (*b)[] = (char (*)[])pkt;
    const char payload[] = "hello";
    unsigned plen = strlen(payload);
    memset_array(*b, 0, lengthof(pkt));
    pkt[0] = 0x45;                              /* IPv4, 5 words */
    put_be16(*b, 2, 20 + 8 + plen);
    put_be16(*b, 4, 0x1c46);                    /* identification */
    pkt[8] = 64;                                /* ttl */
    pkt[9] = 17;                                /* UDP */
    put_be32(*b, 12, 0xc0a80001u);              /* 192.168.0.1 */
    put_be32(*b, 16, 0x0a000002u);              /* 10.0.0.2 */
    put_be16(*b, 10, ip_checksum(*b, 0, 20));
    put_be16(*b, 20, 40000);
    put_be16(*b, 22, 53);
    put_be16(*b, 24, 8 + plen);
    copy_bytes(*b, 28, payload, 0, plen);
    return 28 + plen;
}

int main(void) {
    uint8_t pkt[64];
    unsigned len = build_packet(pkt);
    printf("packet of %u bytes:", len);
    for (unsigned i = 0; i < len; i++)
        printf("%s%02x", i % 4 ? "" : " ", pkt[i]);
    printf("\n");

    struct ipv4 ip;
    int hlen = parse_ipv4(pkt, len, &ip);
    printf("ipv4: header %d, version %u, total %u, ttl %u, protocol %u, checksum %04x\n",
           hlen, ip.version, ip.total_length, ip.ttl, ip.protocol, ip.checksum);
    print_addr("from", ip.src);
    print_addr("to", ip.dst);
    struct udp u;
    parse_udp(pkt, (unsigned)hlen, len, &u);
    printf("udp: %u -> %u, length %u\n", u.src_port, u.dst_port, u.length);
    printf("payload: %.*s\n", (int)(u.length - 8), "hello");

    /* a flipped bit breaks the checksum; a short packet is refused */
    pkt[15] ^= 1;
    printf("corrupted: %d (%s)\n", parse_ipv4(pkt, len, &ip), *strerror(parse_ipv4(pkt, len, &ip)));
    pkt[15] ^= 1;
    printf("truncated: %d\n", parse_ipv4(pkt, 12, &ip));

    /* little-endian length-prefixed records, round trip */
    char rec[16];
    put_le32(rec, 0, 0x01020304u);
    put_le16(rec, 4, 0xbeef);
    printf("le bytes: %02x %02x %02x %02x | %02x %02x\n", rec[0] & 255, rec[1] & 255,
           rec[2] & 255, rec[3] & 255, rec[4] & 255, rec[5] & 255);
    printf("le read: %08x %04x, as be: %08x\n", get_le32(rec, 0), get_le16(rec, 4),
           get_be32(rec, 0));
    return 0;
}
