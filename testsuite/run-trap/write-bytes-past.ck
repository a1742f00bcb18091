/* write_bytes with a count larger than the array traps before writing. */
#include <cuckoo.ckh>

int main(void)
{
    char b[4] = {'a', 'b', 'c', '\n'};
    write_bytes(1, b, 4);
    unsigned n = lengthof(b) + 1;
    write_bytes(1, b, n);
    return 0;
}
