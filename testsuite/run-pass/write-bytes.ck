/* write_bytes and read_bytes on file descriptors; fflush orders them with printf. */
#include <cuckoo.ckh>

int main(void)
{
    printf("buffered line\n");
    fflush(stdout);
    char msg[] = "raw bytes\n";
    int n = write_bytes(1, msg, strlen(msg));
    printf("wrote %d\n", n);
    fflush(stdout);
    n = write_bytes(1, "partial write\n", 7);
    write_bytes(1, "\n", 1);
    printf("wrote %d\n", n);
    fprintf(stdout, "fprintf to stdout %d\n", 5);
    fflush(stdout);
    char in[8];
    int got = read_bytes(0, in, 5);
    printf("read %d [%c%c%c%c%c]\n", got, in[0], in[1], in[2], in[3], in[4]);
    got = read_bytes(0, in, lengthof(in));
    printf("read %d\n", got);
    char zero[4];
    printf("write zero %d\n", write_bytes(1, zero, 0));
    return 0;
}
