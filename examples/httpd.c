/* httpd.c -- the C twin of httpd.ck, for comparison: the same design, the
 * same options and the same answers, in plain C with pthreads.
 *
 *   gcc -O2 -m32 -pthread -o httpd-c httpd.c     (or natively, without -m32)
 *   httpd-c [-p PORT] [-t THREADS] [-n CONNECTIONS] [-i IDLE_S] [-w WAIT_MS] [-v] ROOT
 *
 * See httpd.ck for the design.  The differences are C's: errors come from
 * errno, sockets are made with socket/bind/listen, SIGPIPE is ignored here
 * (the Cuckoo runtime does it before main), the signal handler is
 * installed with sigaction, and nothing checks the buffers' bounds but the
 * code itself. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_THREADS 64
#define QUEUE_SIZE 64
#define REQUEST_MAX 8192          /* request line and headers */
#define TARGET_MAX 2048
#define ROOT_MAX 2048
#define PATH_MAX_LEN (ROOT_MAX + TARGET_MAX + 16)
#define CHUNK 16384               /* file bytes read at a time */
#define SEND_SLICE 4096           /* bytes written per poll for POLLOUT */
#define SLICE_MS 100              /* how often waits look at the stop flag */

/* What a worker owns: allocated once, reused for every connection. */
struct buffers {
    char request[REQUEST_MAX];
    char body[CHUNK];
    char method[16];
    char target[TARGET_MAX];
    char decoded[TARGET_MAX];
    char path[PATH_MAX_LEN];
    char head[512];
};

static char root[ROOT_MAX];
static int wait_ms = 5000;
static int verbose;
static volatile sig_atomic_t stopping;   /* set by the signal handler */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;  /* the queue, closing */
static pthread_cond_t queue_ready = PTHREAD_COND_INITIALIZER;
static pthread_cond_t queue_room = PTHREAD_COND_INITIALIZER;
static int queue[QUEUE_SIZE];
static int queue_head, queue_len;
static int closing;
static pthread_cond_t worker_gone = PTHREAD_COND_INITIALIZER;
static int workers, workers_left;
static int busy_fd[MAX_THREADS];  /* the connection each worker serves, or -1 */
static long long busy_until[MAX_THREADS];

static void on_stop_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

static long long clock_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Waits until fd is ready for EVENTS, at most until DEADLINE.  1 when
 * ready; -ETIMEDOUT; -ECANCELED when stopping and GIVE_UP_ON_STOP; or
 * -errno of poll. */
static int wait_io(int fd, int events, long long deadline, int give_up_on_stop)
{
    struct pollfd p[1];
    for (;;) {
        long long left_ms = (deadline - clock_ns()) / 1000000;
        if (left_ms <= 0)
            return -ETIMEDOUT;
        p[0].fd = fd;
        p[0].events = (short)events;
        p[0].revents = 0;
        int r = poll(p, 1, left_ms < SLICE_MS ? (int)left_ms : SLICE_MS);
        if (r > 0)
            return 1;
        if (r < 0 && errno != EINTR)
            return -errno;
        if (give_up_on_stop && stopping)
            return -ECANCELED;
    }
}

/* write(2) until all of b[0, n) is written (as the Cuckoo runtime's
 * write_from does); 0 or -errno. */
static int write_all(int fd, const char *b, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, b, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return w < 0 ? -errno : -EIO;
        b += w;
        n -= (size_t)w;
    }
    return 0;
}

static int send_all(int fd, const char *b, unsigned n, long long deadline)
{
    unsigned done = 0;
    while (done < n) {
        int r = wait_io(fd, POLLOUT, deadline, 0);
        if (r < 0)
            return r;
        unsigned k = n - done < SEND_SLICE ? n - done : SEND_SLICE;
        r = write_all(fd, b + done, k);
        if (r < 0)
            return r;
        done += k;
    }
    return 0;
}

static const char *reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 505: return "HTTP Version Not Supported";
    default: return "Internal Server Error";
    }
}

static const char *content_type(const char *path)
{
    int dot = -1;
    for (int i = 0; path[i] != 0; i++) {
        if (path[i] == '.')
            dot = i;
        else if (path[i] == '/')
            dot = -1;
    }
    if (dot < 0)
        return "application/octet-stream";
    char ext[8];
    int n = 0;
    for (int i = dot + 1; path[i] != 0; i++) {
        if (n == (int)sizeof ext - 1)
            return "application/octet-stream";
        ext[n++] = (char)tolower((unsigned char)path[i]);
    }
    ext[n] = 0;
    if (strcmp(ext, "html") == 0 || strcmp(ext, "htm") == 0)
        return "text/html";
    if (strcmp(ext, "txt") == 0)
        return "text/plain";
    if (strcmp(ext, "css") == 0)
        return "text/css";
    if (strcmp(ext, "js") == 0)
        return "text/javascript";
    if (strcmp(ext, "png") == 0)
        return "image/png";
    if (strcmp(ext, "jpg") == 0 || strcmp(ext, "jpeg") == 0)
        return "image/jpeg";
    if (strcmp(ext, "gif") == 0)
        return "image/gif";
    return "application/octet-stream";
}

static void send_error(int fd, struct buffers *b, int status, int head_only,
                       long long deadline)
{
    char body[160];
    int blen = snprintf(body, sizeof body, "<html><head><title>%d %s</title></head>"
                        "<body><h1>%d %s</h1></body></html>\n",
                        status, reason(status), status, reason(status));
    int hlen = snprintf(b->head, sizeof b->head,
                        "HTTP/1.0 %d %s\r\nServer: cuckoo-httpd\r\n"
                        "%sContent-Type: text/html\r\nContent-Length: %d\r\n"
                        "Connection: close\r\n\r\n",
                        status, reason(status),
                        status == 501 ? "Allow: GET, HEAD\r\n" : "", blen);
    if (send_all(fd, b->head, (unsigned)hlen, deadline) == 0 && !head_only)
        send_all(fd, body, (unsigned)blen, deadline);
}

static int find_newline(const char *r, int from, int have)
{
    for (int i = from; i < have; i++)
        if (r[i] == '\n')
            return i;
    return -1;
}

static int parse_request_line(struct buffers *b, int eol)
{
    const char *r = b->request;
    int end = eol > 0 && r[eol - 1] == '\r' ? eol - 1 : eol;
    int i = 0, n = 0;
    while (i < end && r[i] >= 'A' && r[i] <= 'Z') {
        if (n == (int)sizeof b->method - 1)
            return 400;
        b->method[n++] = r[i++];
    }
    b->method[n] = 0;
    if (n == 0 || i == end || r[i] != ' ')
        return 400;
    i++;
    n = 0;
    while (i < end && r[i] > ' ' && r[i] < 127) {
        if (n == (int)sizeof b->target - 1)
            return 414;
        b->target[n++] = r[i++];
    }
    b->target[n] = 0;
    if (n == 0 || i == end || r[i] != ' ')
        return 400;
    i++;
    if (end - i != 8 || memcmp(r + i, "HTTP/", 5) != 0 ||
        !isdigit((unsigned char)r[i + 5]) || r[i + 6] != '.' ||
        !isdigit((unsigned char)r[i + 7]))
        return 400;
    if (r[i + 5] != '1')
        return 505;
    if (strcmp(b->method, "GET") != 0 && strcmp(b->method, "HEAD") != 0)
        return 501;
    return 0;
}

static int header_line_ok(const char *r, int from, int eol)
{
    if (r[from] == ' ' || r[from] == '\t')
        return 1;
    for (int i = from; i < eol; i++) {
        if (r[i] == ':')
            return i > from;
        if (r[i] <= ' ' || r[i] >= 127)
            return 0;
    }
    return 0;
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    return tolower(c) - 'a' + 10;
}

static int resolve(struct buffers *b)
{
    const char *t = b->target;
    if (t[0] != '/')
        return 400;
    char *decoded = b->decoded;
    int n = 0;
    for (int i = 0; t[i] != 0 && t[i] != '?' && t[i] != '#'; i++) {
        int c = t[i];
        if (c == '%') {
            if (!isxdigit((unsigned char)t[i + 1]) || !isxdigit((unsigned char)t[i + 2]))
                return 400;
            c = hex_value(t[i + 1]) * 16 + hex_value(t[i + 2]);
            if (c == 0)
                return 400;
            i += 2;
        }
        decoded[n++] = (char)c;
    }
    decoded[n] = 0;
    int start = 0;
    for (int i = 0; i <= n; i++) {
        if (i == n || decoded[i] == '/') {
            if (i - start == 2 && decoded[start] == '.' && decoded[start + 1] == '.')
                return 403;
            start = i + 1;
        }
    }
    int len = snprintf(b->path, sizeof b->path, "%s%s%s", root, decoded,
                       decoded[n - 1] == '/' ? "index.html" : "");
    if (len >= (int)sizeof b->path)
        return 414;
    return 0;
}

/* read(2) that goes on after a signal, as the runtime's read_into does */
static int read_some(int fd, char *b, size_t n)
{
    ssize_t r;
    do
        r = read(fd, b, n);
    while (r < 0 && errno == EINTR);
    return r < 0 ? -errno : (int)r;
}

/* Ends the answer: shut down the sending side and read what the client
 * still sends until it closes, for at most a second (closing with unread
 * input would reset the connection). */
static void linger(int fd, struct buffers *b, long long deadline)
{
    long long until = clock_ns() + 1000000000;
    if (until > deadline)
        until = deadline;
    if (shutdown(fd, SHUT_WR) == 0)
        while (wait_io(fd, POLLIN, until, 1) > 0 &&
               read_some(fd, b->request, REQUEST_MAX) > 0)
            ;
}

static int serve(int fd, struct buffers *b)
{
    long long deadline = clock_ns() + (long long)wait_ms * 1000000;
    int have = 0, line_end = -1, scanned = 0, status = 0, head_only = 0;
    int complete = 0, searched = 0;
    b->method[0] = 0;
    b->target[0] = 0;
    while (!complete) {
        int eol;
        while (!complete && (eol = find_newline(b->request, scanned > searched ? scanned : searched,
                                               have)) >= 0) {
            if (line_end < 0) {
                line_end = eol;
                status = parse_request_line(b, eol);
                head_only = status == 0 && strcmp(b->method, "HEAD") == 0;
            } else if (eol == scanned || (eol == scanned + 1 && b->request[scanned] == '\r')) {
                complete = 1;
            } else if (!header_line_ok(b->request, scanned, eol)) {
                status = 400;
            }
            scanned = eol + 1;
            if (status != 0)
                complete = 1;
        }
        if (complete)
            break;
        searched = have;    /* no newline before have */
        if (have == REQUEST_MAX) {
            status = line_end < 0 ? 414 : 431;
            break;
        }
        int r = wait_io(fd, POLLIN, deadline, 1);
        if (r == -ETIMEDOUT) {
            status = 408;
            break;
        }
        if (r < 0)
            return 0;
        r = read_some(fd, b->request + have, (size_t)(REQUEST_MAX - have));
        if (r < 0)
            return 0;
        if (r == 0) {
            if (line_end < 0)
                return 0;
            break;
        }
        have += r;
    }
    /* the answer gets its own WAIT_MS, also after a 408 */
    deadline = clock_ns() + (long long)wait_ms * 1000000;
    if (status == 0)
        status = resolve(b);
    int file = -1;
    long long size = 0;
    int got = 0;
    if (status == 0) {
        file = open(b->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (file < 0 && (errno == ENOENT || errno == ENOTDIR || errno == ENAMETOOLONG))
            status = 404;
        else if (file < 0 && (errno == EACCES || errno == EPERM || errno == ELOOP))
            status = 403;
        else if (file < 0)
            status = 500;
    }
    if (status == 0) {
        size = lseek64(file, 0, SEEK_END);
        if (size < 0 || lseek64(file, 0, SEEK_SET) != 0)
            status = 403;
    }
    if (status == 0) {
        got = read_some(file, b->body, CHUNK);
        if (got == -EISDIR)
            status = 403;
        else if (got < 0)
            status = 500;
    }
    if (status != 0) {
        if (file >= 0)
            close(file);
        send_error(fd, b, status, head_only, deadline);
        if (verbose)
            printf("%s %s %d\n", b->method, b->target, status);
        linger(fd, b, deadline);
        return status;
    }
    status = 200;
    int hlen = snprintf(b->head, sizeof b->head,
                        "HTTP/1.0 200 OK\r\nServer: cuckoo-httpd\r\n"
                        "Content-Type: %s\r\nContent-Length: %lld\r\n"
                        "Connection: close\r\n\r\n", content_type(b->path), size);
    int r = send_all(fd, b->head, (unsigned)hlen, deadline);
    long long sent = 0;
    while (r == 0 && !head_only && sent < size && got > 0) {
        long long want = size - sent;
        unsigned k = want < got ? (unsigned)want : (unsigned)got;
        r = send_all(fd, b->body, k, deadline);
        if (r == 0)
            sent += k;
        if (r == 0 && sent < size)
            got = read_some(file, b->body, CHUNK);
    }
    close(file);
    if (have > scanned)     /* more than the request came: a body? */
        linger(fd, b, deadline);
    if (verbose)
        printf("%s %s %d %lld\n", b->method, b->target, status, sent);
    return status;
}

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    struct buffers *b = calloc(1, sizeof *b);
    if (b == NULL) {
        fprintf(stderr, "httpd: out of memory\n");
        exit(1);
    }
    long answered = 0;
    for (;;) {
        pthread_mutex_lock(&lock);
        while (queue_len == 0 && !closing)
            pthread_cond_wait(&queue_ready, &lock);
        if (queue_len == 0) {
            pthread_mutex_unlock(&lock);
            break;
        }
        int fd = queue[queue_head];
        queue_head = (queue_head + 1) % QUEUE_SIZE;
        queue_len--;
        pthread_cond_signal(&queue_room);
        busy_fd[id] = fd;
        busy_until[id] = clock_ns() + ((long long)wait_ms * 2 + 2000) * 1000000;
        pthread_mutex_unlock(&lock);
        if (serve(fd, b) != 0)
            answered++;
        pthread_mutex_lock(&lock);
        busy_fd[id] = -1;
        pthread_mutex_unlock(&lock);
        close(fd);
    }
    free(b);
    pthread_mutex_lock(&lock);
    workers_left--;
    pthread_cond_signal(&worker_gone);
    pthread_mutex_unlock(&lock);
    return (void *)answered;
}

/* a write blocked in the kernel past its worker's deadline fails (EPIPE)
 * once its connection's sending side is shut down (called with the lock) */
static void unstick_writers(void)
{
    long long now = clock_ns();
    for (int t = 0; t < workers; t++) {
        if (busy_fd[t] >= 0 && now > busy_until[t]) {
            shutdown(busy_fd[t], SHUT_WR);
            busy_until[t] = LLONG_MAX;
        }
    }
}

static void cond_wait_ms(pthread_cond_t *c, int ms)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += ms * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(c, &lock, &until);
}

static int enqueue(int fd)
{
    pthread_mutex_lock(&lock);
    while (queue_len == QUEUE_SIZE && !stopping)
        cond_wait_ms(&queue_room, SLICE_MS);
    int queued = queue_len < QUEUE_SIZE;
    if (queued) {
        queue[(queue_head + queue_len) % QUEUE_SIZE] = fd;
        queue_len++;
        pthread_cond_signal(&queue_ready);
    }
    pthread_mutex_unlock(&lock);
    if (!queued) {
        close(fd);
        return -ECANCELED;
    }
    return 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: httpd [-p PORT] [-t THREADS] [-n CONNECTIONS] [-i IDLE_S]"
            " [-w WAIT_MS] [-v] ROOT\n");
    exit(2);
}

static int number_arg(const char *s, int lo, int hi)
{
    char *end;
    errno = 0;
    long long v = isdigit((unsigned char)s[0]) ? strtoll(s, &end, 10) : -1;
    if (!isdigit((unsigned char)s[0]) || errno != 0 || *end != 0 || v < lo || v > hi) {
        fprintf(stderr, "httpd: bad number '%s' (must be in [%d, %d])\n", s, lo, hi);
        usage();
    }
    return (int)v;
}

static int listen_loopback(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((unsigned short)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, 128) != 0) {
        int e = errno;
        close(fd);
        return -e;
    }
    return fd;
}

static int socket_port(int fd)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof sa;
    if (getsockname(fd, (struct sockaddr *)&sa, &len) != 0)
        return -errno;
    return ntohs(sa.sin_port);
}

int main(int argc, char *argv[])
{
    int port = 0, threads = 4, max_connections = 0, idle_s = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *opt = argv[i];
        if (strcmp(opt, "-v") == 0) {
            verbose = 1;
            continue;
        }
        if (i + 1 == argc)
            usage();
        const char *val = argv[++i];
        if (strcmp(opt, "-p") == 0)
            port = number_arg(val, 0, 65535);
        else if (strcmp(opt, "-t") == 0)
            threads = number_arg(val, 1, MAX_THREADS);
        else if (strcmp(opt, "-n") == 0)
            max_connections = number_arg(val, 0, 2147483647);
        else if (strcmp(opt, "-i") == 0)
            idle_s = number_arg(val, 0, 1000000);
        else if (strcmp(opt, "-w") == 0)
            wait_ms = number_arg(val, 1, 3600000);
        else
            usage();
    }
    if (i + 1 != argc)
        usage();
    if (strlen(argv[i]) >= sizeof root) {
        fprintf(stderr, "httpd: document root too long\n");
        return 1;
    }
    strcpy(root, argv[i]);
    size_t rlen = strlen(root);
    while (rlen > 1 && root[rlen - 1] == '/')
        root[--rlen] = 0;
    int probe = open(root, O_RDONLY | O_CLOEXEC);
    if (probe < 0) {
        fprintf(stderr, "httpd: %s: %s\n", root, strerror(errno));
        return 1;
    }
    close(probe);

    signal(SIGPIPE, SIG_IGN);
    int listener = listen_loopback(port);
    if (listener < 0) {
        fprintf(stderr, "httpd: cannot listen on 127.0.0.1:%d: %s\n", port,
                strerror(-listener));
        return 1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;   /* no SA_RESTART, as the runtime */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    pthread_t pool[MAX_THREADS];
    for (int t = 0; t < threads; t++)
        busy_fd[t] = -1;
    workers = threads;
    workers_left = threads;
    for (int t = 0; t < threads; t++)
        if (pthread_create(&pool[t], NULL, worker, (void *)(long)t) != 0) {
            fprintf(stderr, "httpd: cannot start a thread\n");
            return 1;
        }
    printf("httpd: serving %s on http://127.0.0.1:%d/ with %d threads\n", root,
           socket_port(listener), threads);
    fflush(stdout);

    int connections = 0;
    const char *why = "signal";
    long long idle_since = clock_ns(), checked = idle_since;
    struct pollfd p[1];
    while (!stopping) {
        if (clock_ns() - checked >= (long long)SLICE_MS * 1000000) {
            checked = clock_ns();
            pthread_mutex_lock(&lock);
            unstick_writers();
            pthread_mutex_unlock(&lock);
        }
        if (max_connections > 0 && connections >= max_connections) {
            why = "connection limit";
            break;
        }
        if (idle_s > 0 && clock_ns() - idle_since >= (long long)idle_s * 1000000000) {
            why = "idle";
            break;
        }
        p[0].fd = listener;
        p[0].events = POLLIN;
        p[0].revents = 0;
        if (poll(p, 1, SLICE_MS) <= 0)
            continue;
        int c = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
        if (c < 0) {
            if (errno == EMFILE || errno == ENFILE)
                usleep(SLICE_MS * 1000);
            continue;
        }
        connections++;
        idle_since = clock_ns();
        enqueue(c);
    }
    close(listener);
    pthread_mutex_lock(&lock);
    closing = 1;
    pthread_cond_broadcast(&queue_ready);
    while (workers_left > 0) {
        unstick_writers();
        cond_wait_ms(&worker_gone, SLICE_MS);
    }
    pthread_mutex_unlock(&lock);
    long answered = 0;
    for (int t = 0; t < threads; t++) {
        void *n;
        pthread_join(pool[t], &n);
        answered += (long)n;
    }
    printf("httpd: stopped (%s) after %d connections, %ld answered\n", why,
           connections, answered);
    return 0;
}
