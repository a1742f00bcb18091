/* new(T[n]) with a run-time n, indexed one past its end. */
#include <cuckoo.ckh>

int main(void)
{
    int n = atoi("37");
    double (*v)[] = new(double[n]);
    for (int i = 0; i < n; i++)
        v[i] = i * 0.5;
    printf("last %g\n", v[n - 1]);
    v[n] = 1.0;
    return 0;
}
