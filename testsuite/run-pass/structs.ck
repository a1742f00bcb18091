/* Structs: nesting, array members, whole copies, by-value passing and return. */
#include <cuckoo.ckh>

struct point {
    int x, y;
};

struct poly {
    char name[8];
    int n;
    struct point pts[4];
};

struct mixed {
    char c;
    double d;
    short s;
    long long ll;
};

struct point add(struct point a, struct point b)
{
    struct point r;
    r.x = a.x + b.x;
    r.y = a.y + b.y;
    return r;
}

struct poly shifted(struct poly p, int dx)
{
    for (int i = 0; i < p.n; i++)
        p.pts[i].x += dx;
    p.name[0] = 'S';
    return p;
}

void show(const struct poly *p)
{
    printf("%s:", p->name);
    for (int i = 0; i < p->n; i++)
        printf(" (%d,%d)", p->pts[i].x, p->pts[i].y);
    printf("\n");
}

void move_in_place(struct poly *p, int dy)
{
    for (unsigned i = 0; i < lengthof(p->pts); i++)
        p->pts[i].y += dy;
}

int main(void)
{
    struct point a = {1, 2};
    struct point b = {.y = 10, .x = 20};
    struct point c = add(a, b);
    printf("c = %d %d\n", c.x, c.y);
    printf("nested call %d\n", add(add(a, a), b).y);

    struct poly tri = {"tri", 3, {{0, 0}, {4, 0}, {0, 3}}};
    struct poly copy = tri;
    copy.pts[1].x = 99;
    copy.name[1] = 'R';
    show(&tri);
    show(&copy);
    struct poly moved = shifted(tri, 5);
    show(&moved);
    show(&tri);
    move_in_place(&tri, -1);
    show(&tri);
    printf("sizes %u %u %u\n", sizeof(struct point), sizeof(struct poly), sizeof(struct mixed));
    printf("lengths %u %u\n", lengthof(tri.name), lengthof(tri.pts));

    struct mixed m = {'a', 2.5, -3, 1LL << 40};
    struct mixed m2;
    m2 = m;
    m.d = 0;
    printf("mixed %c %.1f %d %lld %.1f\n", m2.c, m2.d, m2.s, m2.ll, m.d);

    struct point *hp = new(struct point);
    *hp = c;
    hp->x++;
    (*hp).y *= 2;
    printf("heap %d %d\n", hp->x, hp->y);
    struct point arr[3] = {{1, 1}, [2] = {3, 3}};
    arr[1] = *hp;
    for (int i = 0; i < 3; i++)
        printf("[%d %d]", arr[i].x, arr[i].y);
    printf("\n");
    delete(hp);
    int *px = &arr[2].y;
    *px = 42;
    printf("member ptr %d\n", arr[2].y);
    printf("eq %d\n", a.x == 1 && c.y == 12);
    return 0;
}
