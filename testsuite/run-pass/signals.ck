/* signal_handler and raise: handlers run synchronously on raise. */
#include <cuckoo.ckh>

int usr1_count;
int last_signal;
int (*allocated)[];

void on_usr1(int sig)
{
    usr1_count++;
    last_signal = sig;
}

void on_usr2(int sig)
{
    last_signal = sig;
    allocated = new(int[sig]);
    printf("in handler for %d\n", sig);
}

void on_term(int sig)
{
    printf("terminate requested (%d), ignoring\n", sig);
}

int main(void)
{
    signal_handler(SIGUSR1, on_usr1);
    signal_handler(SIGUSR2, on_usr2);
    signal_handler(SIGTERM, on_term);
    for (int i = 0; i < 3; i++)
        printf("raise -> %d\n", raise(SIGUSR1));
    printf("usr1 %d last %d\n", usr1_count, last_signal);
    raise(SIGUSR2);
    printf("last %d allocated %u\n", last_signal, lengthof(allocated));
    raise(SIGTERM);
    signal_handler(SIGUSR1, on_term);
    raise(SIGUSR1);
    printf("usr1 %d\n", usr1_count);
    printf("still running\n");
    return 0;
}
