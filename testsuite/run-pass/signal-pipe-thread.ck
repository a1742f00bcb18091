/* A SIGPIPE handler runs for a thread's own write to a closed connection
 * once threads exist (doc/runtime.md "Signals with threads": the kernel
 * sends that signal to the writing thread, which blocks it; the runtime
 * takes it there when the write fails), and the write returns -EPIPE. */
#include <cuckoo.ckh>

int pipes;

void on_pipe(int sig) { pipes += sig; }

int nothing(int x) { return x; }

int main(void)
{
    join(spawn nothing(1));
    signal_handler(SIGPIPE, on_pipe);
    int l = tcp_listen("127.0.0.1", 0, 1);
    int c = tcp_connect("127.0.0.1", socket_port(l));
    int a = tcp_accept(l);
    close(a);
    char buf[1000];
    int r = 0;
    for (int i = 0; i < 100 && r >= 0; i++)
        r = write_bytes(c, buf, lengthof(buf));
    printf("write: %d (%s), handler saw %d\n", r, *strerror(r), pipes);
    return 0;
}
