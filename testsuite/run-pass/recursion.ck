/* Recursion: simple, mutual, deep, and over arrays. */
#include <cuckoo.ckh>

int is_odd(unsigned n);

int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int ack(int m, int n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

long long hanoi(int n, int from, int to, int via, int (*moves)[])
{
    if (n == 0)
        return 0;
    long long c = hanoi(n - 1, from, via, to, moves);
    (*moves)[from * 3 + to]++;
    return c + 1 + hanoi(n - 1, via, to, from, moves);
}

int depth(int n)
{
    int pad[16];
    pad[n % 16] = n;
    return n == 0 ? 0 : 1 + depth(n - 1) + pad[n % 16] - n;
}

void permute(char s[], unsigned k, int *count)
{
    if (k + 1 >= strlen(s)) {
        if (*count < 6)
            printf("%s ", s);
        (*count)++;
        return;
    }
    for (unsigned i = k; i < strlen(s); i++) {
        char t = s[k]; s[k] = s[i]; s[i] = t;
        permute(s, k + 1, count);
        t = s[k]; s[k] = s[i]; s[i] = t;
    }
}

int bsearch_rec(const int v[], int key, int lo, int hi)
{
    if (lo > hi)
        return -1;
    int mid = lo + (hi - lo) / 2;
    if (v[mid] == key)
        return mid;
    return v[mid] < key ? bsearch_rec(v, key, mid + 1, hi) : bsearch_rec(v, key, lo, mid - 1);
}

int main(void)
{
    printf("even %d %d odd %d\n", is_even(10), is_even(7), is_odd(1001));
    printf("fib %d %d\n", fib(10), fib(24));
    printf("ack %d %d\n", ack(2, 3), ack(3, 3));
    int (*moves)[] = new(int[9]);
    printf("hanoi %lld", hanoi(10, 0, 2, 1, moves));
    for (unsigned i = 0; i < 9; i++)
        printf(" %d", moves[i]);
    printf("\n");
    delete(moves);
    printf("depth %d\n", depth(10000));
    char word[] = "abcd";
    int count = 0;
    permute(word, 0, &count);
    printf("= %d\n", count);
    int sorted[10] = {1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
    printf("bsearch %d %d %d\n", bsearch_rec(sorted, 13, 0, 9), bsearch_rec(sorted, 1, 0, 9),
           bsearch_rec(sorted, 4, 0, 9));
    return 0;
}
