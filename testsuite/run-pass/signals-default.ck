/* Once signals are routed to the runtime's signal thread (doc/runtime.md
 * "Signals with threads"), a signal without a handler still takes its
 * default action: SIGCHLD is ignored, and SIGUSR2, whose handler was
 * removed again, ends the process by the signal (status 128 + 12). */
#include <cuckoo.ckh>

int seen;

void on_usr2(int sig) { seen = sig; }

int one(int x) { return x; }

int main(void)
{
    printf("join: %d\n", join(spawn one(1)));
    signal_handler(SIGUSR2, on_usr2);
    raise(SIGUSR2);
    printf("handled: %d\n", seen);
    printf("SIGCHLD: %d\n", raise(SIGCHLD));
    signal_handler(SIGUSR2, NULL);
    printf("now the default action\n");
    fflush(stdout);
    kill(getpid(), SIGUSR2);
    printf("not reached\n");
    return 0;
}
