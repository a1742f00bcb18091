/* A loop test that does not imply the bound keeps the check at -O2: the
   counter is never negative and its test is made unsigned, but 101 is not
   the length of flags. */
#include <cuckoo.ckh>

static char flags[100];

int main(void)
{
    int s = 0;
    for (int i = 0; i < 101; i++)
        s += flags[i];
    printf("%d\n", s);
    return 0;
}
