/* sum.ck -- reads numbers from its arguments, one per argument, into a
 * heap array and prints their sum.  Try `./sum 1 2 3`, and then index past
 * the end of `v` to see the runtime error it turns into. */
#include <cuckoo.ckh>

int main(int argc, string *argv[]) {
    int (*v)[] = new(int[argc]);
    long long total = 0;
    for (int i = 1; i < argc; i++) {
        (*v)[i] = atoi(*argv[i]);
        total += (*v)[i];
    }
    printf("%d numbers, sum %lld\n", argc - 1, total);
    delete(v);
    return 0;
}
