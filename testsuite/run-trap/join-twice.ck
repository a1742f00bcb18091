/* §10: join releases the handle; joining it again traps delete. */
#include <cuckoo.ckh>

int work(int n) { return n * 2; }

int main(void)
{
    thread_t t = spawn work(21);
    printf("joined: %d\n", join(t));
    fflush(stdout);
    join(t);
    return 0;
}
