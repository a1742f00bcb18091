/* A checked cast T (*)[] -> T (*)[N] of an array that is too short. */
#include <cuckoo.ckh>

int first_of_five(int v[])
{
    int (*five)[5] = (int (*)[5])v;
    return five[0];
}

int main(void)
{
    int (*seven)[] = new(int[7]);
    printf("%d\n", first_of_five(seven));
    int three[3] = {1, 2, 3};
    printf("%d\n", first_of_five(three));
    return 0;
}
