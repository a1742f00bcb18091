/* enum constants and typedefs of every kind. */
#include <cuckoo.ckh>

enum color { RED, GREEN = 5, BLUE, BLACK = -2, WHITE };
enum { FLAG_A = 1 << 0, FLAG_B = 1 << 1, FLAG_C = 1 << 4 };

typedef enum color color_t;
typedef unsigned long long u64;
typedef int vec3[3];
typedef struct node {
    int value;
    struct node *next;
} node_t;
typedef int (*binop)(int, int);
typedef const char name_t[];

const char (*color_name(color_t c))[]
{
    switch (c) {
    case RED: return "red";
    case GREEN: return "green";
    case BLUE: return "blue";
    case BLACK: return "black";
    default: return "other";
    }
}

int add(int a, int b) { return a + b; }
int mul(int a, int b) { return a * b; }

int dot(const vec3 a, const vec3 b)
{
    int s = 0;
    for (unsigned i = 0; i < lengthof(a); i++)
        s += a[i] * b[i];
    return s;
}

unsigned name_len(name_t n) { return lengthof(n); }

int main(void)
{
    printf("values %d %d %d %d %d\n", RED, GREEN, BLUE, BLACK, WHITE);
    for (int c = BLACK; c <= BLUE; c++)
        printf("%d=%s ", c, color_name(c));
    printf("\n");
    color_t favourite = BLUE;
    favourite++;
    printf("next %d %s %u\n", favourite, color_name(favourite), sizeof(color_t));
    int flags = FLAG_A | FLAG_C;
    printf("flags %d %d %d\n", flags, (flags & FLAG_B) != 0, (flags & FLAG_C) != 0);
    u64 big = 1;
    big <<= 63;
    printf("u64 %llu %u\n", big, sizeof(u64));
    vec3 x = {1, 2, 3}, y = {4, 5, 6};
    printf("dot %d %u %u\n", dot(x, y), lengthof(vec3), sizeof(vec3));
    static node_t n2 = {2, NULL};
    static node_t n1 = {1, &n2};
    int total = 0;
    for (node_t *p = &n1; p; p = p->next)
        total += p->value;
    printf("list %d\n", total);
    binop ops[2] = {add, mul};
    printf("ops %d %d\n", ops[0](6, 7), ops[1](6, 7));
    printf("name %u\n", name_len("typedef"));
    enum color arr[WHITE + 2];
    printf("enum array %u\n", lengthof(arr));
    return 0;
}
