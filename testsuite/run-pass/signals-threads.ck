/* Signals once threads exist (doc/runtime.md "Signals with threads"):
 * raise and kill of the process itself run the handler on the calling
 * thread before they return, with its own signal held back while it runs
 * (a raise from inside runs it again afterwards, as C's blocked signal
 * would); other signals (alarm) run on the runtime's signal thread while
 * the program goes on; a signal with no handler takes its default action
 * (SIGCHLD: nothing); a handler may spawn and join. */
#include <cuckoo.ckh>

int depth, order[8], norder;
int alarmed;

int twice(int x) { return 2 * x; }

void on_usr2(int sig)
{
    order[norder++] = ++depth;
    if (norder == 1)
        raise(sig);             /* held back until this handler returns */
    order[norder++] = -depth--;
}

void on_usr1(int sig)
{
    thread_t t = spawn twice(sig);
    order[norder++] = join(t);
}

void on_alarm(int sig)
{
    atomic_store(&alarmed, sig);
}

int main(void)
{
    thread_t t = spawn twice(21);
    printf("join: %d\n", join(t));
    signal_handler(SIGUSR2, on_usr2);
    printf("raise: %d\n", raise(SIGUSR2));
    for (int i = 0; i < norder; i++)
        printf("%d ", order[i]);
    printf("\n");
    norder = 0;
    signal_handler(SIGUSR1, on_usr1);
    printf("kill: %d, handler's thread returned %d\n", kill(getpid(), SIGUSR1), order[0]);
    printf("SIGCHLD with no handler: %d\n", raise(SIGCHLD));
    signal_handler(SIGALRM, on_alarm);
    alarm(1);
    for (int i = 0; i < 100 && atomic_load(&alarmed) == 0; i++)
        sleep_ns(50000000);
    printf("alarm handled: %d\n", atomic_load(&alarmed));
    return 0;
}
