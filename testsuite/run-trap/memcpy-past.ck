/* memcpy_array past the end of the destination. */
#include <cuckoo.ckh>

int main(void)
{
    char dst[8];
    char src[16] = "0123456789abcde";
    memcpy_array(dst, src, 8);
    printf("%u\n", strlen(dst));
    memcpy_array(dst, src, 9);
    printf("not reached\n");
    return 0;
}
