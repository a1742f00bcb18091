/* Designated initializers, compound literals, partial initialisation. */
#include <cuckoo.ckh>

struct point {
    int x, y;
};

struct shape {
    const char (*name)[];
    struct point corner[2];
    int flags[4];
    double scale;
};

int sum(const int v[])
{
    int s = 0;
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v[i];
    return s;
}

int manhattan(struct point p) { return p.x + p.y; }

int area(const struct point *a, const struct point *b)
{
    return (b->x - a->x) * (b->y - a->y);
}

int main(void)
{
    int a[8] = {[2] = 20, [5] = 50, 51, [0] = 1};
    for (unsigned i = 0; i < lengthof(a); i++)
        printf("%d ", a[i]);
    printf("\n");
    struct shape s = {.scale = 1.5, .corner = {[1] = {.y = 4, .x = 3}}, .name = "box", .flags = {[2] = 7}};
    printf("%s %d %d %d %d %g %d%d%d%d\n", s.name, s.corner[0].x, s.corner[0].y, s.corner[1].x,
           s.corner[1].y, s.scale, s.flags[0], s.flags[1], s.flags[2], s.flags[3]);
    struct shape t = {NULL, {{1, 2}, {3, 4}}, {9}};
    printf("%d %d %d %d %d\n", t.name == NULL, t.corner[1].y, t.flags[0], t.flags[3], t.scale == 0);
    struct point grid[3][2] = {[1] = {[1] = {5, 6}}, [2] = {{7}}};
    printf("grid %d %d %d %d\n", grid[1][1].x, grid[1][1].y, grid[2][0].x, grid[0][0].x);

    printf("literal %d\n", manhattan((struct point){3, 4}));
    printf("literal sum %d\n", sum((int[]){1, 2, 3, 4}));
    printf("literal len %u\n", lengthof((int[5]){1}));
    printf("area %d\n", area(&(struct point){1, 1}, &(struct point){.x = 4, .y = 5}));
    struct point *pp = &(struct point){10, 20};
    pp->y++;
    printf("via pointer %d %d\n", pp->x, pp->y);
    int total = 0;
    for (int i = 0; i < 3; i++) {
        struct point q = (struct point){i, i * i};
        int *cell = &(int){100};
        *cell += i;
        total += q.x + q.y + *cell;
    }
    printf("loop %d\n", total);
    struct point r;
    r = (struct point){.y = -1};
    printf("assign %d %d\n", r.x, r.y);
    char word[] = {'o', 'k', '\0'};
    char msg[10] = "hi";
    printf("%s %s %u %u\n", word, msg, lengthof(word), lengthof(msg));
    double ds[] = {[3] = 0.5};
    printf("ds %u %g\n", lengthof(ds), ds[3] + ds[0]);
    return 0;
}
