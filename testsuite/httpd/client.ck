/* client.ck -- a raw TCP client for the httpd test (httpd/httpd.sh).
 *
 *   client PORT MODE DATA
 *
 * Connects to 127.0.0.1:PORT and sends DATA, in which \r, \n, \0 and \\
 * stand for CR, LF, NUL and a backslash.  MODE says what it does next:
 *
 *   read       read the answer to its end and copy it to stdout;
 *   hold:MS    send nothing more and read nothing for MS milliseconds (a
 *              client that stops reading), then close.
 *
 * Every wait is bounded (10 s for an answer): exit 0 when the server
 * closed the connection, 1 when it did not in time, 2 on a usage or
 * connection error. */
#include <cuckoo.ckh>

static int decode(const char s[], char out[])
{
    int n = 0;
    for (int i = 0; s[i] != 0 && n < (int)lengthof(out); i++) {
        char c = s[i];
        if (c == '\\' && s[i + 1] != 0) {
            i++;
            c = s[i] == 'r' ? '\r' : s[i] == 'n' ? '\n' : s[i] == '0' ? 0 : s[i];
        }
        out[n++] = c;
    }
    return n;
}

int main(int argc, string *argv[])
{
    if (argc != 4) {
        fprintf(stderr, "usage: client PORT read|hold:MS DATA\n");
        return 2;
    }
    int fd = tcp_connect("127.0.0.1", atoi(*argv[1]));
    if (fd < 0) {
        fprintf(stderr, "client: connect: %s\n", *strerror(fd));
        return 2;
    }
    char data[4096];
    int n = decode(*argv[3], data);
    int r = write_bytes(fd, data, (unsigned)n);
    if (r < 0) {
        fprintf(stderr, "client: write: %s\n", *strerror(r));
        return 2;
    }
    if (strncmp(*argv[2], "hold:", 5) == 0) {
        unsigned pos = 5;
        long long ms = 0;
        parse_long(*argv[2], &pos, 10, &ms);
        sleep_ns(ms * 1000000);
        close(fd);
        return 0;
    }
    long long deadline = clock_ns() + 10000000000LL;
    char buf[4096];
    struct pollfd p[1];
    for (;;) {
        long long left = (deadline - clock_ns()) / 1000000;
        if (left <= 0) {
            fprintf(stderr, "client: no end of answer within 10 s\n");
            return 1;
        }
        p[0].fd = fd;
        p[0].events = POLLIN;
        r = poll(p, 1, (int)left);
        if (r <= 0)
            continue;
        r = read_bytes(fd, buf, 4096);
        if (r < 0) {
            fprintf(stderr, "client: read: %s\n", *strerror(r));
            return 2;
        }
        if (r == 0)
            break;
        write_bytes(1, buf, (unsigned)r);
    }
    close(fd);
    return 0;
}
