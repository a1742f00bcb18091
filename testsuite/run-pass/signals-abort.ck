/* abort() with a SIGABRT handler once threads exist: the handler runs on
 * the calling thread (through raise), and the process still ends by
 * SIGABRT (status 128 + 6) with what it printed flushed. */
#include <cuckoo.ckh>

void on_abort(int sig)
{
    printf("handler %d\n", sig);
    fflush(stdout);              /* abort flushed before the handler ran */
}

int one(int x) { return x; }

int main(void)
{
    printf("join: %d\n", join(spawn one(1)));
    signal_handler(6, on_abort);         /* SIGABRT: not named by cuckoo.ckh */
    printf("aborting\n");
    abort();
}
