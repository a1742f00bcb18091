/* Integer remainder by zero (unsigned). */
#include <cuckoo.ckh>

int main(void)
{
    unsigned n = 17;
    for (unsigned d = 3; ; d--)
        printf("%u\n", n % d);
}
