/* net.c -- IPv4 TCP and UDP sockets and poll (LANGUAGE.md §12.1).
 *
 * Addresses are dotted strings ("127.0.0.1") inside Cuckoo char arrays,
 * which must hold a NUL (else -EINVAL); "" means any address (INADDR_ANY).
 * A port outside 0..65535 is -EINVAL.  Blocking calls are made outside any
 * runtime critical section, so signal handlers run while they wait;
 * poll, tcp_accept and udp_recvfrom return -EINTR once a handler ran
 * (signal.c's wake pipe: handlers run on the runtime's signal thread).  SIGPIPE is
 * ignored from start-up (start.c), so a write to a closed connection
 * returns -EPIPE. */
#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sys.h"

/* Fills SA from HOST and PORT; 0, or -EINVAL. */
static int make_addr(struct sockaddr_in *sa, const char *host, int port) {
  if (!rt_has_nul(host) || port < 0 || port > 65535)
    return -EINVAL;
  memset(sa, 0, sizeof *sa);
  sa->sin_family = AF_INET;
  sa->sin_port = htons((uint16_t)port);
  if (host[0] == 0)
    sa->sin_addr.s_addr = htonl(INADDR_ANY);
  else if (inet_pton(AF_INET, host, &sa->sin_addr) != 1)
    return -EINVAL;
  return 0;
}

enum how { BIND, LISTEN, CONNECT };

/* A new socket of TYPE at HOST:PORT: bound, bound and listening (with
 * BACKLOG), or connected; its descriptor, or -errno with nothing left
 * open. */
static int socket_at(const char *host, int port, int type, enum how how, int backlog) {
  struct sockaddr_in sa;
  int r = make_addr(&sa, host, port);
  if (r < 0)
    return r;
  int fd = socket(AF_INET, type | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return rt_neg_errno();
  int ok;
  if (how == CONNECT) {
    ok = connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
  } else {
    int one = 1;
    if (how == LISTEN)
      setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ok = bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 &&
         (how != LISTEN || listen(fd, backlog < 0 ? 0 : backlog) == 0);
  }
  if (!ok) {
    r = rt_neg_errno();
    close(fd);
    return r;
  }
  return fd;
}

int __cuckoo_tcp_listen(const char *host, int port, int backlog) {
  RT_CHECK_NULL(RT_HERE, host, "tcp_listen");
  return socket_at(host, port, SOCK_STREAM, LISTEN, backlog);
}

/* Waits until FD has EVENTS, or until a handler ran (-EINTR); 0 when
 * signals are not routed (the call itself is then interrupted). */
static int wait_for(int fd, short events) {
  if (fd < 0)
    return 0;                     /* poll would ignore it: the call says EBADF */
  struct rt_wake *w = rt_wake_begin();
  if (w == NULL)
    return 0;
  struct pollfd two[2] = { { fd, events, 0 }, { rt_wake_fd(w), POLLIN, 0 } };
  int r;
  do
    r = poll(two, 2, -1);
  while (r < 0 && errno == EINTR);
  rt_wake_end(w);
  if (r > 0 && two[0].revents == 0 && two[1].revents != 0)
    return -EINTR;
  return 0;                       /* ready, or an error the call will see */
}

int __cuckoo_tcp_accept(int listen_fd) {
  int r = wait_for(listen_fd, POLLIN);
  if (r < 0)
    return r;
  int fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
  return fd < 0 ? rt_neg_errno() : fd;
}

int __cuckoo_tcp_connect(const char *host, int port) {
  RT_CHECK_NULL(RT_HERE, host, "tcp_connect");
  return socket_at(host, port, SOCK_STREAM, CONNECT, 0);
}

int __cuckoo_socket_port(int fd) {
  struct sockaddr_in sa;
  socklen_t len = sizeof sa;
  if (getsockname(fd, (struct sockaddr *)&sa, &len) != 0)
    return rt_neg_errno();
  if (sa.sin_family != AF_INET)
    return -EINVAL;
  return ntohs(sa.sin_port);
}

int __cuckoo_shutdown_write(int fd) {
  return shutdown(fd, SHUT_WR) == 0 ? 0 : rt_neg_errno();
}

int __cuckoo_udp_bind(const char *host, int port) {
  RT_CHECK_NULL(RT_HERE, host, "udp_bind");
  return socket_at(host, port, SOCK_DGRAM, BIND, 0);
}

int __cuckoo_udp_sendto(int fd, const char *b, unsigned n, const char *host, int port) {
  RT_CHECK_NULL(RT_HERE, b, "udp_sendto");
  RT_CHECK_NULL(RT_HERE, host, "udp_sendto");
  RT_CHECK_COUNT(RT_HERE, n, RT_LEN(b), "udp_sendto");
  struct sockaddr_in sa;
  int r = make_addr(&sa, host, port);
  if (r < 0)
    return r;
  ssize_t k = sendto(fd, b, n, MSG_NOSIGNAL, (struct sockaddr *)&sa, sizeof sa);
  return k < 0 ? rt_neg_errno() : (int)k;
}

/* Receives one datagram (cut to N bytes) into B; the sender's address goes
 * to HOST as a dotted string (cut like strlcpy, as long as HOST has room
 * for a NUL) and its port to *PORT. */
int __cuckoo_udp_recvfrom(int fd, char *b, unsigned n, char *host, int *port) {
  RT_CHECK_NULL(RT_HERE, b, "udp_recvfrom");
  RT_CHECK_NULL(RT_HERE, host, "udp_recvfrom");
  RT_CHECK_NULL(RT_HERE, port, "udp_recvfrom");
  RT_CHECK_COUNT(RT_HERE, n, RT_LEN(b), "udp_recvfrom");
  /* all three before the datagram is taken */
  rt_check_store(RT_HERE, b, n, "udp_recvfrom");
  rt_check_store(RT_HERE, host, RT_LEN(host) < INET_ADDRSTRLEN ? RT_LEN(host) : INET_ADDRSTRLEN,
                 "udp_recvfrom");
  rt_check_store(RT_HERE, port, sizeof *port, "udp_recvfrom");
  int r = wait_for(fd, POLLIN);
  if (r < 0)
    return r;
  struct sockaddr_in sa;
  socklen_t len = sizeof sa;
  memset(&sa, 0, sizeof sa);
  ssize_t k = recvfrom(fd, b, n, 0, (struct sockaddr *)&sa, &len);
  if (k < 0)
    return rt_neg_errno();
  char text[INET_ADDRSTRLEN] = "";
  if (sa.sin_family == AF_INET)
    inet_ntop(AF_INET, &sa.sin_addr, text, sizeof text);
  unsigned size = RT_LEN(host), tl = (unsigned)strlen(text);
  if (size > 0) {
    unsigned c = tl < size - 1 ? tl : size - 1;
    memcpy(host, text, c);
    host[c] = 0;
  }
  *port = sa.sin_family == AF_INET ? ntohs(sa.sin_port) : 0;
  return (int)k;
}

/* struct pollfd of cuckoo.ckh has the kernel's layout (8 bytes: int,
 * short, short), so the array goes to poll(2) as it is. */
_Static_assert(sizeof(struct pollfd) == 8, "struct pollfd is 8 bytes");

int __cuckoo_poll(struct pollfd *fds, unsigned n, int timeout_ms) {
  RT_CHECK_NULL(RT_HERE, fds, "poll");
  RT_CHECK_COUNT(RT_HERE, n, RT_LEN(fds), "poll");
  /* the revents words; a forged length word cannot make the size wrap */
  rt_check_store(RT_HERE, fds, n > SIZE_MAX / sizeof *fds ? SIZE_MAX : n * sizeof *fds, "poll");
  struct rt_wake *w = rt_wake_begin();
  if (w == NULL) {
    int r = poll(fds, (nfds_t)n, timeout_ms < 0 ? -1 : timeout_ms);
    return r < 0 ? rt_neg_errno() : r;
  }
  /* the program's descriptors and the wake pipe's: a small set on the
   * stack, a larger one in pages of its own (the runtime imports no
   * malloc: cuckoo-ld reserves the names the runtime uses) */
  struct pollfd small[17], *all = small;
  size_t bytes = ((size_t)n + 1) * sizeof *all;
  if (n + 1 > sizeof small / sizeof small[0]) {
    void *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) {
      rt_wake_end(w);
      return -ENOMEM;
    }
    all = m;
  }
  memcpy(all, fds, (size_t)n * sizeof *all);
  all[n].fd = rt_wake_fd(w);
  all[n].events = POLLIN;
  all[n].revents = 0;
  int r = poll(all, (nfds_t)n + 1, timeout_ms < 0 ? -1 : timeout_ms);
  int err = r < 0 ? rt_neg_errno() : 0;
  rt_wake_end(w);
  if (r >= 0) {
    for (unsigned i = 0; i < n; i++)
      fds[i].revents = all[i].revents;
    if (all[n].revents != 0 && --r == 0)
      err = -EINTR;               /* a handler ran, and nothing else is ready */
  }
  if (all != small)
    munmap(all, bytes);
  return err < 0 ? err : r;
}
