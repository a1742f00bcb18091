/* No descriptor may reach memory (LANGUAGE.md §12.1): a file mapped into
 * the process -- its own program, the C library -- cannot be opened for
 * writing, since writing it would change the process's code through the
 * page cache (root could otherwise rewrite libc's text).  Reading them,
 * and /proc/self/maps, is fine. */
#include <cuckoo.ckh>

char maps[65536];

int main(int argc, string *argv[])
{
    int fd = open("/proc/self/maps", O_RDONLY, 0);
    int n = 0, r;
    while (n < 65535 && (r = read_into(fd, maps, n, 65535 - n)) > 0)
        n = n + r;
    close(fd);
    printf("read /proc/self/maps: %d\n", n > 0);
    int i = 0, tried = 0, opened = 0, readable = 0;
    while (i < n) {
        int end = i;
        while (end < n && maps[end] != '\n')
            end = end + 1;
        int slash = i;
        while (slash < end && maps[slash] != '/')
            slash = slash + 1;
        if (slash < end && maps[end - 1] != ')') {   /* not "(deleted)" */
            char path[512];
            int k = end - slash;
            if (k > 511)
                k = 511;
            copy_bytes(path, 0, maps, slash, k);
            path[k] = 0;
            tried = tried + 1;
            int w = open(path, O_WRONLY, 0);
            int rw = open(path, O_RDWR | O_APPEND, 0);
            int t = open(path, O_RDONLY | O_TRUNC, 0);
            if (w >= 0 || rw >= 0 || t >= 0)
                opened = opened + 1;
            int ro = open(path, O_RDONLY, 0);
            if (ro >= 0) {
                readable = readable + 1;
                close(ro);
            }
        }
        i = end + 1;
    }
    printf("mapped files tried: %d\n", tried > 0);
    printf("mapped files opened for writing: %d\n", opened);
    printf("mapped files readable: %d\n", readable == tried);
    printf("own program for writing: %d\n", open(*argv[0], O_WRONLY, 0) < 0);
    return 0;
}
