/* §13.1, §10: spawn moves an owned argument into the new thread; the
 * spawner cannot use it afterwards, nor lend it to a plain parameter of
 * the thread's function (the thread outlives the spawn). */
#include <cuckoo.ckh>
struct job { int n; };
int work(struct job *own j) { int n = j->n; delete(j); return n; }
int peek(struct job *j) { return j->n; }
int lend_to_thread(void) {
    struct job *own k = new(struct job);
    thread_t u = spawn peek(k);
    return join(u);
}
int main(void) {
    struct job *own j = new(struct job);
    thread_t t = spawn work(j);
    j->n = 5;
    return join(t) + lend_to_thread();
}
