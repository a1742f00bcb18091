/* bench-time.c -- run a command and append its times to a file.
 *
 *   bench-time FILE COMMAND [ARG...]
 *
 * Runs COMMAND (stdin, stdout and stderr inherited) and appends one line
 * "WALL CPU" to FILE: the elapsed wall-clock seconds and the user + system
 * CPU seconds of COMMAND and all its threads and waited-for children (for a
 * program run under qemu-i386, the emulator's time).  Exits with COMMAND's
 * status (128 + signal number if it was killed, 127 if it could not be run).
 * Built and used by run-bench.sh on the host; plain POSIX, no other files. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double tv(struct timeval t)
{
    return (double)t.tv_sec + t.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench-time FILE COMMAND [ARG...]\n");
        return 2;
    }
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("bench-time: fork");
        return 127;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        fprintf(stderr, "bench-time: %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }
    int st;
    struct rusage ru;
    while (wait4(pid, &st, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("bench-time: wait4");
            return 127;
        }
    }
    double wall = now() - t0;
    double cpu = tv(ru.ru_utime) + tv(ru.ru_stime);
    FILE *f = fopen(argv[1], "a");
    if (!f || fprintf(f, "%.6f %.6f\n", wall, cpu) < 0 || fclose(f)) {
        fprintf(stderr, "bench-time: %s: %s\n", argv[1], strerror(errno));
        return 127;
    }
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    return 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}
