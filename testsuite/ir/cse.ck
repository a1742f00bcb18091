/* -O2 (the IR is opt/cse.ir): an integer operation computed again under
   an identical one that dominates it becomes a copy of the first, which
   propagation reads through (cc/opt/cse.c); a load is never merged, since
   another thread may store between the two reads. */
#include <cuckoo.ckh>

int g;
int h(int x, int y);

int twice(int i, int s)
{
    int a = h(i + 1, s);            /* i + 1 once ... */
    int b = h(i + 1, s * 3);        /* ... and here a copy of it */
    if (s > 0)
        return a + b + (s * 3);     /* s * 3 dominated by the one above */
    return g + g;                   /* two loads of g: both stay */
}
