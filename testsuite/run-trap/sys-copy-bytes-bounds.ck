/* copy_bytes checks off + n against the array without wrapping: an offset
 * near 2^32 must not wrap around to a small sum (LANGUAGE.md §12.1). */
#include <cuckoo.ckh>

int main(void)
{
    char dst[8], src[8];
    copy_bytes(dst, 0, src, 0, 8);
    printf("whole arrays: fine\n");
    copy_bytes(dst, 4294967295u, src, 0, 1);
    printf("not reached\n");
    return 0;
}
