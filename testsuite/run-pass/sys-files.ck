/* Files of the systems interface (LANGUAGE.md §12.1): each call's result,
 * errors as negative numbers with strerror's text, paths that must hold a
 * NUL, and no descriptor onto the process's memory. */
#include <cuckoo.ckh>
#include <errno.h>

void show(const char what[], long long r)
{
    if (r < 0)
        printf("%s: %lld (%s)\n", what, r, *strerror((int)r));
    else
        printf("%s: %lld\n", what, r);
}

int main(void)
{
    char path[80], path2[80];
    snprintf(path, "/tmp/cuckoo-sys-files-%d-a", getpid());
    snprintf(path2, "/tmp/cuckoo-sys-files-%d-b", getpid());

    show("open missing", open("/nonexistent-dir/x", O_RDONLY, 0));
    printf("ENOENT %d EEXIST %d EBADF %d EINVAL %d EACCES %d\n", ENOENT, EEXIST, EBADF, EINVAL,
           EACCES);
    printf("strerror(0) %s; strerror(EPIPE) %s; strerror(-ECONNREFUSED) %s; strerror(9999) %s\n",
           *strerror(0), *strerror(EPIPE), *strerror(-ECONNREFUSED), *strerror(9999));
    printf("lengthof(*strerror(ENOENT)) %u\n", lengthof(*strerror(ENOENT)));

    /* no rmdir in the interface: mkdir is tested by its errors only */
    show("mkdir existing", mkdir("/tmp", 0700));
    show("mkdir missing parent", mkdir("/nonexistent-dir/x", 0700));
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    printf("open for writing: %s\n", fd >= 3 ? "a descriptor" : "failed");
    char text[20];
    strlcpy(text, "0123456789");
    show("write_from", write_from(fd, text, 2, 5));
    show("write_bytes", write_bytes(fd, "!\n", 2));
    show("fsync", fsync(fd));
    show("close", close(fd));
    show("close again", close(fd));
    show("open O_EXCL", open(path, O_WRONLY | O_CREAT | O_EXCL, 0600));

    fd = open(path, O_RDONLY, 0);
    char in[16];
    memset_array(in, '.', 15);
    show("read_into", read_into(fd, in, 4, 10));
    printf("in: %s", in);
    show("lseek end", lseek(fd, 0, SEEK_END));
    show("lseek set", lseek(fd, 1, SEEK_SET));
    show("read_bytes", read_bytes(fd, in, 3));
    printf("first: %c%c%c\n", in[0], in[1], in[2]);
    show("read at end", (lseek(fd, 0, SEEK_END), read_into(fd, in, 0, 4)));
    show("lseek bad whence", lseek(fd, 0, 7));
    show("write_from a read-only fd", write_from(fd, text, 0, 1));
    close(fd);
    show("read_bytes closed fd", read_bytes(fd, in, 1));

    show("rename", rename(path, path2));
    show("open old name", open(path, O_RDONLY, 0));
    show("unlink", unlink(path2));
    show("unlink again", unlink(path2));

    char unterminated[3];
    unterminated[0] = '/';
    unterminated[1] = 't';
    unterminated[2] = 'm';
    show("open no NUL", open(unterminated, O_RDONLY, 0));
    show("mkdir no NUL", mkdir(unterminated, 0700));
    show("unlink no NUL", unlink(unterminated));
    show("rename no NUL", rename(unterminated, path));

    /* No descriptor may reach memory. */
    show("open /proc/self/mem", open("/proc/self/mem", O_RDWR, 0));
    show("open /proc/self/mem read-only", open("/proc/self/mem", O_RDONLY, 0));
    char pm[40];
    snprintf(pm, "/proc/%d/mem", getpid());
    show("open /proc/PID/mem", open(pm, O_WRONLY, 0));
    show("open /proc/self/task/../mem", open("/proc/self/task/../mem", O_RDONLY, 0));
    show("open /proc/self/comm for writing", open("/proc/self/comm", O_WRONLY, 0));
    fd = open("/proc/self/stat", O_RDONLY, 0);
    printf("open /proc/self/stat read-only: %s\n", fd >= 3 ? "a descriptor" : "failed");
    close(fd);

    show("unlink a directory", unlink("/tmp"));
    show("write_from stdout", write_from(1, text, 8, 2));
    printf("\n");
    return 0;
}
