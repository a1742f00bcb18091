/* §10: spawn takes a function's name, not a function pointer. */
#include <cuckoo.ckh>
int work(int n) { return n; }
int main(void) {
    int (*fp)(int) = work;
    thread_t t = spawn fp(1);
    return join(t);
}
