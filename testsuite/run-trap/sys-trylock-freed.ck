/* mutex_trylock checks its mutex like mutex_lock: one freed traps. */
#include <cuckoo.ckh>

int main(void)
{
    mutex_t *m = mutex_new();
    mutex_free(m);
    printf("%d\n", mutex_trylock(m));
    return 0;
}
