/* Block placement (cc/mach/layout.c): loops whose tests move to the
 * bottom, exits placed after the loop, `if` arms that fall through --
 * every shape prints what -O0 prints. */
#include <cuckoo.ckh>

struct node {
    struct node *next;
    int key;
};

/* two exit tests at the top (`a && b`), an if/else, a store on one arm */
static struct node *merge(struct node *global a, struct node *global b)
{
    struct node *head = NULL;
    struct node *tail = NULL;
    while (a != NULL && b != NULL) {
        struct node *n;
        if (b->key < a->key) {
            n = b;
            b = b->next;
        } else {
            n = a;
            a = a->next;
        }
        if (tail == NULL)
            head = n;
        else
            tail->next = n;
        tail = n;
    }
    struct node *rest = a != NULL ? a : b;
    if (tail == NULL)
        return rest;
    tail->next = rest;
    return head;
}

/* a loop at the function's entry, with break and continue */
static int entry_loop(int n)
{
    for (;;) {
        if (n > 1000)
            break;
        if (n % 3 == 0) {
            n = n * 2 + 1;
            continue;
        }
        n = n * 3 + 2;
    }
    return n;
}

/* nested loops, the inner one's test depending on the outer's counter */
static int triangle(int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++)
            s += i * j - (j & 1);
    return s;
}

/* do-while, and a while whose test calls */
static int odd(int x) { return x & 1; }

static int shapes(int n)
{
    int k = 0, steps = 0;
    do {
        k += n;
        steps++;
    } while (k < 100);
    while (odd(k) || k % 7 != 0) {
        k++;
        steps++;
    }
    return steps * 1000 + k;
}

/* a loop with three exits and an early return inside */
static int find(int v[], int n, int x)
{
    int i = 0;
    while (i < n && v[i] != x && v[i] >= 0) {
        if (v[i] == 99)
            return -2;
        i++;
    }
    return i < n && v[i] == x ? i : -1;
}

int main(void)
{
    struct node *odds = NULL, *evens = NULL;
    for (int i = 9; i >= 0; i--) {
        struct node *p = new(struct node);
        p->key = i * 10 + (i & 1);
        if (i & 1) {
            p->next = odds;
            odds = p;
        } else {
            p->next = evens;
            evens = p;
        }
    }
    for (struct node *p = merge(odds, evens); p != NULL; p = p->next)
        printf("%d ", p->key);
    printf("\n");
    printf("%d %d %d\n", entry_loop(1), entry_loop(2), entry_loop(5000));
    printf("%d %d %d\n", triangle(0), triangle(1), triangle(30));
    printf("%d %d\n", shapes(7), shapes(200));
    int v[8] = {5, 3, 8, 99, 4, -1, 2, 7};
    printf("%d %d %d %d\n", find(v, 8, 8), find(v, 8, 4), find(v, 3, 4), find(v, 2, 3));
    int w[4] = {1, 2, -5, 6};
    printf("%d %d\n", find(w, 4, 6), find(w, 4, 2));
    return 0;
}
