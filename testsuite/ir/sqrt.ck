/* -O2 (run-pass/opt-sqrt.ck runs such code): the runtime's sqrt becomes
   the `sqrt` instruction (sqrtsd), no call, so x and y stay in registers
   across it (cc/opt/idiom.c opt_inline_math). */
#include <cuckoo.ckh>

double hypot_plus(double x, double y)
{
    return sqrt(x * x + y * y) + x + y;
}
