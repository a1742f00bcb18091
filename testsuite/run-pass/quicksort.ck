/* A quicksort with a comparator, a checksum, and a binary search over heap arrays. */
#include <cuckoo.ckh>

unsigned seed = 12345;

unsigned next_random(void)
{
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
}

void swap(int v[], int i, int j)
{
    int t = v[i];
    v[i] = v[j];
    v[j] = t;
}

void quicksort(int v[], int lo, int hi, int (*cmp)(int, int))
{
    if (lo >= hi)
        return;
    int pivot = v[lo + (hi - lo) / 2];
    int i = lo, j = hi;
    while (i <= j) {
        while (cmp(v[i], pivot) < 0)
            i++;
        while (cmp(v[j], pivot) > 0)
            j--;
        if (i <= j) {
            swap(v, i, j);
            i++;
            j--;
        }
    }
    quicksort(v, lo, j, cmp);
    quicksort(v, i, hi, cmp);
}

int ascending(int a, int b) { return a < b ? -1 : a > b; }
int descending(int a, int b) { return ascending(b, a); }

int is_sorted(const int v[], int (*cmp)(int, int))
{
    for (unsigned i = 1; i < lengthof(v); i++)
        if (cmp(v[i - 1], v[i]) > 0)
            return 0;
    return 1;
}

int find(const int v[], int key)
{
    int lo = 0, hi = lengthof(v) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (v[mid] == key)
            return mid;
        if (v[mid] < key)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

int main(void)
{
    int n = 5000;
    int (*v)[] = new(int[n]);
    for (int i = 0; i < n; i++)
        v[i] = next_random() % 10000;
    printf("before %d %d %d sorted %d\n", v[0], v[1], v[n - 1], is_sorted(v, ascending));
    quicksort(v, 0, n - 1, ascending);
    unsigned check = 0;
    for (int i = 0; i < n; i++)
        check = check * 31 + v[i];
    printf("after %d %d %d sorted %d check %u\n", v[0], v[n / 2], v[n - 1], is_sorted(v, ascending), check);
    int key = v[1234];
    int at = find(v, key);
    printf("find %d %d %d\n", key, v[at] == key, find(v, -5));
    quicksort(v, 0, n - 1, descending);
    printf("descending %d %d sorted %d\n", v[0], v[n - 1], is_sorted(v, descending));
    delete(v);
    return 0;
}
