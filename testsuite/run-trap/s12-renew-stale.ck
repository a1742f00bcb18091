/* §12.1, §5: renew deletes the old array; renewing a stale copy of it
 * traps delete (at the renew) before anything of it is read. */
#include <cuckoo.ckh>
int main(void) {
    int (*a)[] = new(int[2]);
    int (*keep)[] = a;
    renew(a, 8);
    printf("%u\n", lengthof(a));
    renew(keep, 4);
    printf("not reached\n");
    return 0;
}
