/* §12.1, §5: renew to a negative length traps memory, like new. */
#include <cuckoo.ckh>
int main(int argc, string *argv[]) {
    int (*a)[] = new(int[2]);
    renew(a, -argc);
    return 0;
}
