#include <cuckoo.ckh>

struct point { int x; int y; };
extern int calls;

static int absval(int v) { return v < 0 ? -v : v; }

int manhattan(const struct point *p) {
    calls++;
    return absval(p->x) + absval(p->y);
}

void greet(const char who[]) {
    calls++;
    printf("hello, %s (%u chars)\n", who, strlen(who));
}
