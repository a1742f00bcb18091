/* http-load.c -- a small HTTP/1.0 load generator for `make bench`
 * (bench/run-httpd-bench.sh); built natively with $HOSTCC.
 *
 *   http-load PORT CLIENTS REQUESTS PATH...
 *
 * Starts CLIENTS threads; each makes REQUESTS requests to 127.0.0.1:PORT
 * one after the other, one connection each (HTTP/1.0: connect, send
 * "GET PATH HTTP/1.0", read to the end), taking the PATHs in turn.  Every
 * answer must be "HTTP/1.0 200" with a body as long as its Content-Length.
 * Prints one line:
 *
 *   requests N failed F seconds S rps R bytes B
 *
 * and exits 0 when nothing failed, 1 otherwise (2 on a usage error).  A
 * request that takes more than 10 s fails (SO_RCVTIMEO/SO_SNDTIMEO). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int port, requests, npaths;
static char **paths;

struct result {
    long failed;
    long long bytes;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One request; the body's length, or -1 when anything is wrong. */
static long long fetch(const char *path, char *buf, size_t size)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct timeval tv = { 10, 0 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((unsigned short)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    long long body = -1;
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0)
        goto out;
    int n = snprintf(buf, size, "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", path);
    if (write(fd, buf, (size_t)n) != n)
        goto out;
    /* the head must fit in buf; the body is counted, not kept */
    size_t have = 0;
    long long total = 0, want = -1, head = -1;
    int ok = 0;
    for (;;) {
        ssize_t r = head < 0 ? read(fd, buf + have, size - 1 - have) : read(fd, buf, size);
        if (r < 0)
            goto out;
        if (r == 0)
            break;
        total += r;
        if (head < 0) {
            have += (size_t)r;
            buf[have] = 0;
            char *end = strstr(buf, "\r\n\r\n");
            if (end == NULL && have == size - 1)
                goto out;
            if (end != NULL) {
                head = end + 4 - buf;
                *end = 0;
                ok = strncmp(buf, "HTTP/1.0 200 ", 13) == 0;
                const char *cl = strcasestr(buf, "\r\nContent-Length: ");
                if (cl != NULL)
                    want = atoll(cl + 18);
            }
        }
    }
    if (ok && head >= 0 && want >= 0 && total - head == want)
        body = want;
out:
    close(fd);
    return body;
}

static void *client(void *arg)
{
    struct result *res = arg;
    char buf[8192];
    for (int i = 0; i < requests; i++) {
        long long n = fetch(paths[i % npaths], buf, sizeof buf);
        if (n < 0)
            res->failed++;
        else
            res->bytes += n;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: http-load PORT CLIENTS REQUESTS PATH...\n");
        return 2;
    }
    port = atoi(argv[1]);
    int clients = atoi(argv[2]);
    requests = atoi(argv[3]);
    paths = argv + 4;
    npaths = argc - 4;
    if (port <= 0 || clients <= 0 || clients > 256 || requests <= 0) {
        fprintf(stderr, "http-load: bad arguments\n");
        return 2;
    }
    pthread_t t[256];
    struct result res[256];
    memset(res, 0, sizeof res);
    double t0 = now();
    for (int i = 0; i < clients; i++)
        if (pthread_create(&t[i], NULL, client, &res[i]) != 0) {
            fprintf(stderr, "http-load: cannot start a thread\n");
            return 2;
        }
    long failed = 0;
    long long bytes = 0;
    for (int i = 0; i < clients; i++) {
        pthread_join(t[i], NULL);
        failed += res[i].failed;
        bytes += res[i].bytes;
    }
    double secs = now() - t0;
    long total = (long)clients * requests;
    printf("requests %ld failed %ld seconds %.3f rps %.0f bytes %lld\n", total, failed,
           secs, total / secs, bytes);
    return failed != 0;
}
