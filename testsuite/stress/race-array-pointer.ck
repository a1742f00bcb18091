/* Race stress: one thread keeps switching a global pointer-to-array between
   a 20- and a 10-element array while readers index element 15.  Every read
   loads the pointer once, checks it and its length word, and uses that same
   value, so each read either succeeds (20 elements) or traps bounds
   (10 elements) -- it never reads outside an array or crashes.  Whether the
   trap happens depends on the interleaving: see README. */
#include <cuckoo.ckh>

int big[20];
int small[10];
int (*volatile current)[] = big;
volatile int stop;

int switcher(int rounds)
{
    for (int i = 0; i < rounds && !stop; i++) {
        current = small;
        current = big;
    }
    return 0;
}

int reader(int rounds)
{
    int sum = 0;
    for (int i = 0; i < rounds; i++)
        sum += current[15];
    return sum == rounds;
}

int main(void)
{
    big[15] = 1;
    thread_t sw = spawn switcher(2000000);
    thread_t r[3];
    for (int i = 0; i < 3; i++)
        r[i] = spawn reader(200000);
    int ok = 0;
    for (int i = 0; i < 3; i++)
        ok += join(r[i]);
    stop = 1;
    join(sw);
    printf("done %d\n", ok);
    return 0;
}
