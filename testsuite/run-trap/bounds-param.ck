/* An int a[] parameter is checked against the length of the caller's array. */
#include <cuckoo.ckh>

int get(const int a[], int i)
{
    return a[i];
}

int main(void)
{
    int data[4] = {1, 2, 3, 4};
    printf("%d\n", get(data, 3));
    printf("%d\n", get(data, -1));
    return 0;
}
