/* run-*.ck: a program of three objects; run.out is its output. */
#include <cuckoo.ckh>

struct point { int x; int y; };

int sum(const int v[]);
void scale(int v[], int k);
extern int calls;
int manhattan(const struct point *p);
void greet(const char who[]);

int main(int argc, string *argv[]) {
    int d[5] = {1, 2, 3, 4, 5};
    printf("sum %d\n", sum(d));
    scale(d, 3);
    printf("scaled sum %d, %u elements\n", sum(d), lengthof(d));
    struct point p = {-3, 4};
    printf("manhattan %d\n", manhattan(&p));
    greet("link");
    printf("calls %d, argc %d\n", calls, argc);
    return 0;
}
