/* get_be32 reads four bytes: at offset lengthof(b) - 3 it would read one
 * past the end (LANGUAGE.md §12.1). */
#include <cuckoo.ckh>

int main(void)
{
    char b[6];
    printf("%u\n", get_be32(b, 2));
    printf("%u\n", get_be32(b, 3));
    return 0;
}
