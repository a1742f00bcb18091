/* httpd.ck -- a small multi-threaded HTTP/1.0 static-file server.
 *
 *   httpd [-p PORT] [-t THREADS] [-n CONNECTIONS] [-i IDLE_S] [-w WAIT_MS] [-v] ROOT
 *
 * Serves the files under ROOT on 127.0.0.1:PORT (PORT 0, the default, picks
 * a free one; the first line on stdout says which).  GET and HEAD only; one
 * request per connection, answered with "Connection: close".
 *
 * Design: the main thread polls the listening socket and hands each
 * accepted connection to a pool of THREADS workers (default 4) through a
 * bounded queue (a mutex and two condition variables).  A worker waits for
 * every read and write with poll and a deadline: WAIT_MS (default 5000) to
 * receive the request, WAIT_MS again to send the answer.  So a client that
 * sends nothing, or half a request (408), or stops reading, holds one
 * worker for at most that long and never blocks the others (and should a
 * write block in the kernel all the same, the main thread shuts the
 * connection down when the worker's time is up).  SIGTERM and SIGINT only
 * set a flag; the main thread sees it within 100 ms, stops accepting, the
 * workers answer what is queued and give up on clients that have not sent
 * their request, and main joins them and exits with status 0.  -n stops
 * after that many connections and -i after that many seconds without one,
 * so a test can never leave a server behind.
 *
 * Paths: the target is percent-decoded and split at '/'; any ".." segment
 * is refused (403) before the file system is asked, so no request can leave
 * ROOT through the path (symbolic links inside ROOT are followed: ROOT is
 * trusted).  A target ending in '/' serves its index.html.
 *
 * examples/httpd.c is the same program in C with pthreads. */
#include <cuckoo.ckh>

#define MAX_THREADS 64
#define QUEUE_SIZE 64
#define REQUEST_MAX 8192          /* request line and headers */
#define TARGET_MAX 2048
#define ROOT_MAX 2048
#define PATH_MAX_LEN (ROOT_MAX + TARGET_MAX + 16)
#define CHUNK 16384               /* file bytes read at a time */
#define SEND_SLICE 4096           /* bytes written per poll for POLLOUT */
#define SLICE_MS 100              /* how often waits look at the stop flag */
#define O_NONBLOCK 04000          /* i386 Linux; opening a FIFO must not wait */

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
static int stopping;              /* set by the signal handler (atomic) */

static mutex_t *lock;             /* guards everything below */
static cond_t *queue_ready;       /* a connection was queued, or closing */
static cond_t *queue_room;        /* a slot became free */
static cond_t *worker_gone;       /* a worker returned */
static int queue[QUEUE_SIZE];
static int queue_head, queue_len;
static int closing;               /* no connection will be queued any more */
static int workers;               /* how many were started */
static int workers_left;          /* how many have not returned */
static int busy_fd[MAX_THREADS];  /* the connection each worker serves, or -1 */
static long long busy_until[MAX_THREADS];  /* when it must be done with it */

static void on_stop_signal(int sig)
{
    (void)sig;
    atomic_store(&stopping, 1);
}

/* Waits until fd is ready for EVENTS, at most until DEADLINE (clock_ns).
 * 1 when ready; -ETIMEDOUT; -ECANCELED when the server is stopping and
 * GIVE_UP_ON_STOP is set; or poll's error. */
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
            return 1;   /* POLLERR and POLLHUP too: the read or write says what */
        if (r < 0 && r != -EINTR)
            return r;
        if (give_up_on_stop && atomic_load(&stopping))
            return -ECANCELED;
    }
}

/* Writes b[0, n) to the client.  0, or a negative error number. */
static int send_all(int fd, const char b[], unsigned n, long long deadline)
{
    unsigned done = 0;
    while (done < n) {
        int r = wait_io(fd, POLLOUT, deadline, 0);
        if (r < 0)
            return r;
        unsigned k = n - done < SEND_SLICE ? n - done : SEND_SLICE;
        r = write_from(fd, b, done, k);
        if (r < 0)
            return r;
        done += k;
    }
    return 0;
}

static const string *reason(int status)
{
    switch (status) {
    case 200: return &"OK";
    case 400: return &"Bad Request";
    case 403: return &"Forbidden";
    case 404: return &"Not Found";
    case 408: return &"Request Timeout";
    case 414: return &"URI Too Long";
    case 431: return &"Request Header Fields Too Large";
    case 501: return &"Not Implemented";
    case 505: return &"HTTP Version Not Supported";
    default: return &"Internal Server Error";
    }
}

static const string *content_type(const char path[])
{
    int dot = -1;
    for (int i = 0; i < (int)lengthof(path) && path[i] != 0; i++) {
        if (path[i] == '.')
            dot = i;
        else if (path[i] == '/')
            dot = -1;
    }
    if (dot < 0)
        return &"application/octet-stream";
    char ext[8];
    int n = 0;
    for (int i = dot + 1; i < (int)lengthof(path) && path[i] != 0; i++) {
        if (n == (int)lengthof(ext) - 1)
            return &"application/octet-stream";
        ext[n++] = (char)tolower(path[i]);
    }
    ext[n] = 0;
    if (strcmp(ext, "html") == 0 || strcmp(ext, "htm") == 0)
        return &"text/html";
    if (strcmp(ext, "txt") == 0)
        return &"text/plain";
    if (strcmp(ext, "css") == 0)
        return &"text/css";
    if (strcmp(ext, "js") == 0)
        return &"text/javascript";
    if (strcmp(ext, "png") == 0)
        return &"image/png";
    if (strcmp(ext, "jpg") == 0 || strcmp(ext, "jpeg") == 0)
        return &"image/jpeg";
    if (strcmp(ext, "gif") == 0)
        return &"image/gif";
    return &"application/octet-stream";
}

/* An error answer with a small HTML body (none for HEAD). */
static void send_error(int fd, struct buffers *b, int status, int head_only,
                       long long deadline)
{
    char body[160];
    int blen = snprintf(body, "<html><head><title>%d %s</title></head>"
                        "<body><h1>%d %s</h1></body></html>\n",
                        status, *reason(status), status, *reason(status));
    int hlen = snprintf(b->head, "HTTP/1.0 %d %s\r\nServer: cuckoo-httpd\r\n"
                        "%sContent-Type: text/html\r\nContent-Length: %d\r\n"
                        "Connection: close\r\n\r\n",
                        status, *reason(status),
                        status == 501 ? "Allow: GET, HEAD\r\n" : "", blen);
    if (send_all(fd, b->head, (unsigned)hlen, deadline) == 0 && !head_only)
        send_all(fd, body, (unsigned)blen, deadline);
}

/* The index of the first '\n' in r[from, have), or -1. */
static int find_newline(const char r[], int from, int have)
{
    for (int i = from; i < have; i++)
        if (r[i] == '\n')
            return i;
    return -1;
}

/* Checks the request line r[0, eol) ("METHOD TARGET HTTP/x.y", an optional
 * '\r' before the '\n') and copies METHOD and TARGET into b.  0, or the
 * status of the error answer. */
static int parse_request_line(struct buffers *b, int eol)
{
    const char (*r)[] = &b->request;
    int end = eol > 0 && (*r)[eol - 1] == '\r' ? eol - 1 : eol;
    int i = 0, n = 0;
    while (i < end && (*r)[i] >= 'A' && (*r)[i] <= 'Z') {
        if (n == (int)lengthof(b->method) - 1)
            return 400;
        b->method[n++] = (*r)[i++];
    }
    b->method[n] = 0;
    if (n == 0 || i == end || (*r)[i] != ' ')
        return 400;
    i++;
    n = 0;
    while (i < end && (*r)[i] > ' ' && (*r)[i] < 127) {
        if (n == (int)lengthof(b->target) - 1)
            return 414;
        b->target[n++] = (*r)[i++];
    }
    b->target[n] = 0;
    if (n == 0 || i == end || (*r)[i] != ' ')
        return 400;
    i++;
    /* HTTP/DIGIT.DIGIT and nothing after it */
    if (end - i != 8 || compare_bytes(*r, (unsigned)i, "HTTP/", 0, 5) != 0 ||
        !isdigit((*r)[i + 5]) || (*r)[i + 6] != '.' || !isdigit((*r)[i + 7]))
        return 400;
    if ((*r)[i + 5] != '1')
        return 505;
    if (strcmp(b->method, "GET") != 0 && strcmp(b->method, "HEAD") != 0)
        return 501;
    return 0;
}

/* A header line must have a name and a colon (or start with blanks: an
 * obsolete continuation).  r[from, eol) is one line without its '\n'. */
static int header_line_ok(const char r[], int from, int eol)
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

/* Turns b->target into the file's path in b->path: percent-decoded, the
 * query dropped, "index.html" after a final '/'.  0, or the status of the
 * error answer: 400 for a malformed target, 403 for a ".." segment. */
static int resolve(struct buffers *b)
{
    const char (*t)[] = &b->target;
    if ((*t)[0] != '/')
        return 400;
    /* in b, not a local: Cuckoo zeroes every local array on entry */
    char (*decoded)[] = &b->decoded;
    int n = 0;
    for (int i = 0; (*t)[i] != 0 && (*t)[i] != '?' && (*t)[i] != '#'; i++) {
        int c = (*t)[i];
        if (c == '%') {
            if (!isxdigit((*t)[i + 1]) || !isxdigit((*t)[i + 2]))
                return 400;
            c = hex_value((*t)[i + 1]) * 16 + hex_value((*t)[i + 2]);
            if (c == 0)
                return 400;
            i += 2;
        }
        (*decoded)[n++] = (char)c;   /* never longer than the target */
    }
    (*decoded)[n] = 0;
    /* every segment between slashes, after decoding ("%2e%2e" is "..") */
    int start = 0;
    for (int i = 0; i <= n; i++) {
        if (i == n || (*decoded)[i] == '/') {
            if (i - start == 2 && (*decoded)[start] == '.' && (*decoded)[start + 1] == '.')
                return 403;
            start = i + 1;
        }
    }
    int len = snprintf(b->path, "%s%s%s", root, *decoded,
                       (*decoded)[n - 1] == '/' ? "index.html" : "");
    if (len >= (int)lengthof(b->path))
        return 414;
    return 0;
}

/* Ends the answer: closing a connection with unread input would reset
 * it and could destroy the answer in flight, so shut down the sending side
 * and read what the client still sends until it closes, for at most a
 * second. */
static void linger(int fd, struct buffers *b, long long deadline)
{
    long long until = clock_ns() + 1000000000;
    if (until > deadline)
        until = deadline;
    if (shutdown_write(fd) == 0)
        while (wait_io(fd, POLLIN, until, 1) > 0 &&
               read_into(fd, b->request, 0, REQUEST_MAX) > 0)
            ;
}

/* Reads the request, answers it, and returns the status sent (0 when the
 * client went away or the server stopped before a request came). */
static int serve(int fd, struct buffers *b)
{
    long long deadline = clock_ns() + (long long)wait_ms * 1000000;
    int have = 0, line_end = -1, scanned = 0, status = 0, head_only = 0;
    int complete = 0, searched = 0;
    b->method[0] = 0;
    b->target[0] = 0;
    /* the request line and the headers, up to the empty line */
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
        r = read_into(fd, b->request, (unsigned)have, (unsigned)(REQUEST_MAX - have));
        if (r < 0)
            return 0;
        if (r == 0) {
            /* the client stopped sending: a request line alone will do */
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
        file = open(b->path, O_RDONLY | O_NONBLOCK, 0);
        if (file == -ENOENT || file == -ENOTDIR || file == -ENAMETOOLONG)
            status = 404;
        else if (file == -EACCES || file == -EPERM || file == -ELOOP)
            status = 403;
        else if (file < 0)
            status = 500;
    }
    if (status == 0) {
        size = lseek(file, 0, SEEK_END);
        if (size < 0 || lseek(file, 0, SEEK_SET) != 0)
            status = 403;     /* not a regular file */
    }
    if (status == 0) {
        got = read_into(file, b->body, 0, CHUNK);
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
    int hlen = snprintf(b->head, "HTTP/1.0 200 OK\r\nServer: cuckoo-httpd\r\n"
                        "Content-Type: %s\r\nContent-Length: %lld\r\n"
                        "Connection: close\r\n\r\n", *content_type(b->path), size);
    int r = send_all(fd, b->head, (unsigned)hlen, deadline);
    long long sent = 0;
    while (r == 0 && !head_only && sent < size && got > 0) {
        long long want = size - sent;
        unsigned k = want < got ? (unsigned)want : (unsigned)got;
        r = send_all(fd, b->body, k, deadline);
        if (r == 0)
            sent += k;
        if (r == 0 && sent < size)
            got = read_into(file, b->body, 0, CHUNK);
    }
    close(file);
    if (have > scanned)     /* more than the request came: a body? */
        linger(fd, b, deadline);
    if (verbose)
        printf("%s %s %d %lld\n", b->method, b->target, status, sent);
    return status;
}

/* A worker: takes connections from the queue until it is closed and empty.
 * Returns the number of requests it answered. */
int worker(int id)
{
    struct buffers *b = new(struct buffers);
    int answered = 0;
    for (;;) {
        mutex_lock(lock);
        while (queue_len == 0 && !closing)
            cond_wait(queue_ready, lock);
        if (queue_len == 0) {
            mutex_unlock(lock);
            break;
        }
        int fd = queue[queue_head];
        queue_head = (queue_head + 1) % QUEUE_SIZE;
        queue_len--;
        cond_signal(queue_room);
        /* the request's wait, the answer's, the linger, and a second */
        busy_fd[id] = fd;
        busy_until[id] = clock_ns() + ((long long)wait_ms * 2 + 2000) * 1000000;
        mutex_unlock(lock);
        if (serve(fd, b) != 0)
            answered++;
        mutex_lock(lock);
        busy_fd[id] = -1;     /* before close: the number may be reused */
        mutex_unlock(lock);
        close(fd);
    }
    delete(b);
    mutex_lock(lock);
    workers_left--;
    cond_signal(worker_gone);
    mutex_unlock(lock);
    return answered;
}

/* A write to a client that stopped reading can still block inside the
 * kernel after poll said POLLOUT (write_from writes all its bytes, and the
 * interface has no non-blocking mode or send timeout).  Shutting down the
 * connection's sending side from another thread makes that write fail with
 * -EPIPE; the main thread does so to every connection past its worker's
 * deadline.  Called with the lock held, so no fd is closed meanwhile. */
static void unstick_writers(void)
{
    long long now = clock_ns();
    for (int t = 0; t < workers; t++) {
        if (busy_fd[t] >= 0 && now > busy_until[t]) {
            shutdown_write(busy_fd[t]);
            busy_until[t] = LLONG_MAX;
        }
    }
}

/* Queues connection fd for a worker; waits while the queue is full.
 * 0, or -ECANCELED when the server stops meanwhile (fd is then closed). */
static int enqueue(int fd)
{
    mutex_lock(lock);
    while (queue_len == QUEUE_SIZE && !atomic_load(&stopping))
        cond_timedwait(queue_room, lock, (long long)SLICE_MS * 1000000);
    int queued = queue_len < QUEUE_SIZE;
    if (queued) {
        queue[(queue_head + queue_len) % QUEUE_SIZE] = fd;
        queue_len++;
        cond_signal(queue_ready);
    }
    mutex_unlock(lock);
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

/* The number in s, which must be all digits and in [lo, hi]; else usage. */
static int number_arg(const char s[], int lo, int hi)
{
    unsigned pos = 0;
    long long v = 0;
    if (!isdigit(s[0]) || parse_long(s, &pos, 10, &v) != 0 ||
        (pos < lengthof(s) && s[pos] != 0) || v < lo || v > hi) {
        fprintf(stderr, "httpd: bad number '%s' (must be in [%d, %d])\n", s, lo, hi);
        usage();
    }
    return (int)v;
}

int main(int argc, string *argv[])
{
    int port = 0, threads = 4, max_connections = 0, idle_s = 0;
    int i = 1;
    for (; i < argc && (*argv[i])[0] == '-'; i++) {
        const char (*opt)[] = argv[i];
        if (strcmp(*opt, "-v") == 0) {
            verbose = 1;
            continue;
        }
        if (i + 1 == argc)
            usage();
        const char (*val)[] = argv[++i];
        if (strcmp(*opt, "-p") == 0)
            port = number_arg(*val, 0, 65535);
        else if (strcmp(*opt, "-t") == 0)
            threads = number_arg(*val, 1, MAX_THREADS);
        else if (strcmp(*opt, "-n") == 0)
            max_connections = number_arg(*val, 0, INT_MAX);
        else if (strcmp(*opt, "-i") == 0)
            idle_s = number_arg(*val, 0, 1000000);
        else if (strcmp(*opt, "-w") == 0)
            wait_ms = number_arg(*val, 1, 3600000);
        else
            usage();
    }
    if (i + 1 != argc)
        usage();
    if (strlcpy(root, *argv[i]) >= lengthof(root)) {
        fprintf(stderr, "httpd: document root too long\n");
        return 1;
    }
    /* "ROOT/" + "/x" would still work, but keep paths tidy */
    unsigned rlen = strlen(root);
    while (rlen > 1 && root[rlen - 1] == '/')
        root[--rlen] = 0;
    int probe = open(root, O_RDONLY, 0);
    if (probe < 0) {
        fprintf(stderr, "httpd: %s: %s\n", root, *strerror(probe));
        return 1;
    }
    close(probe);

    int listener = tcp_listen("127.0.0.1", port, 128);
    if (listener < 0) {
        fprintf(stderr, "httpd: cannot listen on 127.0.0.1:%d: %s\n", port,
                *strerror(listener));
        return 1;
    }
    lock = mutex_new();
    queue_ready = cond_new();
    queue_room = cond_new();
    worker_gone = cond_new();
    signal_handler(SIGTERM, on_stop_signal);
    signal_handler(SIGINT, on_stop_signal);
    thread_t pool[MAX_THREADS];
    for (int t = 0; t < threads; t++)
        busy_fd[t] = -1;
    workers = threads;
    workers_left = threads;
    for (int t = 0; t < threads; t++)
        pool[t] = spawn worker(t);
    printf("httpd: serving %s on http://127.0.0.1:%d/ with %d threads\n", root,
           socket_port(listener), threads);
    fflush(stdout);

    int connections = 0;
    const char (*why)[] = &"signal";
    long long idle_since = clock_ns(), checked = idle_since;
    struct pollfd p[1];
    while (!atomic_load(&stopping)) {
        if (clock_ns() - checked >= (long long)SLICE_MS * 1000000) {
            checked = clock_ns();
            mutex_lock(lock);
            unstick_writers();
            mutex_unlock(lock);
        }
        if (max_connections > 0 && connections >= max_connections) {
            why = &"connection limit";
            break;
        }
        if (idle_s > 0 && clock_ns() - idle_since >= (long long)idle_s * 1000000000) {
            why = &"idle";
            break;
        }
        p[0].fd = listener;
        p[0].events = POLLIN;
        p[0].revents = 0;
        if (poll(p, 1, SLICE_MS) <= 0)
            continue;    /* nothing yet, or a signal (-EINTR) */
        int c = tcp_accept(listener);
        if (c < 0) {
            if (c == -EMFILE || c == -ENFILE)
                sleep_ns((long long)SLICE_MS * 1000000);  /* let workers close some */
            continue;
        }
        connections++;
        idle_since = clock_ns();
        enqueue(c);
    }
    close(listener);
    mutex_lock(lock);
    closing = 1;
    cond_broadcast(queue_ready);
    while (workers_left > 0) {
        unstick_writers();
        cond_timedwait(worker_gone, lock, (long long)SLICE_MS * 1000000);
    }
    mutex_unlock(lock);
    int answered = 0;
    for (int t = 0; t < threads; t++)
        answered += join(pool[t]);
    mutex_free(lock);
    cond_free(queue_ready);
    cond_free(queue_room);
    cond_free(worker_gone);
    printf("httpd: stopped (%s) after %d connections, %d answered\n", *why,
           connections, answered);
    return 0;
}
