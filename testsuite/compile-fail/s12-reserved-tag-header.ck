/* §12: with the header, its opaque types cannot be completed. */
#include <cuckoo.ckh>

struct file { int fd; };
struct domain { int d; };

int main(void)
{
    return 0;
}
