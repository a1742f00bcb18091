/* §10: the spawned function must return int. */
#include <cuckoo.ckh>
void work(int n) { }
int main(void) {
    thread_t t = spawn work(1);
    return join(t);
}
