/* Time, processes and signals of the systems interface (LANGUAGE.md
 * §12.1): sleep_ns sleeps at least its time even when a handler runs
 * meanwhile, alarm delivers SIGALRM, kill reaches the program's own
 * handler, and errors come back as negative numbers. */
#include <cuckoo.ckh>

int alarms, usr1;

void on_alarm(int sig) { alarms = alarms + 1; }
void on_usr1(int sig) { usr1 = usr1 + sig; }

int main(void)
{
    long long t0 = clock_ns();
    sleep_ns(30000000);
    long long t1 = clock_ns();
    printf("slept at least 30 ms: %d\n", t1 - t0 >= 30000000);
    sleep_ns(0);
    sleep_ns(-5);
    printf("realtime after 2020: %d\n", clock_realtime_ns() > 1577836800000000000LL);

    signal_handler(SIGALRM, on_alarm);
    printf("alarm: %u\n", alarm(1));
    printf("alarm again: %u\n", alarm(1) > 0);
    t0 = clock_ns();
    sleep_ns(1300000000);                /* the alarm fires in the middle */
    t1 = clock_ns();
    printf("alarms %d, slept at least 1.3 s: %d\n", alarms, t1 - t0 >= 1300000000);
    printf("cancel: %u\n", alarm(0));

    signal_handler(SIGUSR1, on_usr1);
    int pid = getpid();
    printf("getpid positive: %d\n", pid > 1);
    printf("kill self: %d, handler saw %d\n", kill(pid, SIGUSR1), usr1);
    printf("kill signal 0: %d\n", kill(pid, 0));
    printf("kill bad signal: %d\n", kill(pid, 99) == -EINVAL);
    printf("kill glibc's signals: %d %d\n", kill(pid, 32) == -EINVAL, kill(pid, 33) == -EINVAL);
    printf("kill no such process: %d\n", kill(2147483647, SIGUSR1) == -ESRCH);
    printf("EXIT_FAILURE %d SIGHUP %d SIGQUIT %d SIGPIPE %d SIGCHLD %d\n", EXIT_FAILURE, SIGHUP,
           SIGQUIT, SIGPIPE, SIGCHLD);
    return EXIT_SUCCESS;
}
