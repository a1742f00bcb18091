/* SUBSET-SUM (Cuckoo version): count the non-empty subsets of 27 fixed
   integers in [-10^6, 10^6] that sum to zero, split over 4 threads (each
   fixes the choice of the first two integers).  Must print the same line as
   subset-sum.c. */
#include <cuckoo.ckh>

static const int values[27] = {
    640612, -239880, -357483, -932404, 518429, 479127, -539543, -285030, -748185,
    365920, -839810, 364819, 891779, 363676, 297312, -784284, 908116, -600524,
    -390733, -739386, -817229, -38284, -197378, 550506, -441603, 901066, -891156,
};

#ifndef COUNT
#define COUNT 27 /* how many of the integers are used (at least 2) */
#endif

static long long count_from(int i, int sum)
{
    if (i == COUNT)
        return sum == 0;
    return count_from(i + 1, sum) + count_from(i + 1, sum + values[i]);
}

int worker(int part)
{
    int sum = 0;
    if (part & 1)
        sum += values[0];
    if (part & 2)
        sum += values[1];
    return count_from(2, sum);
}

int main(void)
{
    thread_t t[4];
    for (int i = 0; i < 4; i++)
        t[i] = spawn worker(i);
    long long total = 0;
    for (int i = 0; i < 4; i++)
        total += join(t[i]);
    printf("subset-sum: %lld zero-sum subsets of %d integers\n", total - 1, COUNT);
    return 0;
}
