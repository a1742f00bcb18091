/* (opt/zero-loops.ck's `stays`, one element too far) A zeroing loop whose
   bound passes the array's length keeps its check, and stops where -O0
   stops: after zeroing the ten elements it has. */
#include <cuckoo.ckh>

static short halves[10];

int main(void)
{
    for (int i = 0; i < 10; i++)
        halves[i] = 1;
    for (int i = 0; i < 11; i++)
        halves[i] = 0;
    printf("not reached\n");
    return 0;
}
