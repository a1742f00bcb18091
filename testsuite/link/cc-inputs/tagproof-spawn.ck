/* link/cc-forged-args-tag.sh: worker's thunk copies a pointer to an
 * incomplete struct T; its states name the argument block @args(...). */
#include <cuckoo.ckh>

struct T;

int worker(struct T *q)
{
    return q == NULL;
}

int main(void)
{
    thread_t t = spawn worker(NULL);
    printf("%d\n", join(t));
    return 0;
}
