/* new and delete: scalars, structs, arrays, nested arrays, linked structures. */
#include <cuckoo.ckh>

struct node {
    int value;
    struct node *next;
};

struct matrix {
    int rows, cols;
    double (*cells)[];
};

struct node *push(struct node *global head, int v)
{
    struct node *n = new(struct node);
    n->value = v;
    n->next = head;
    return n;
}

struct matrix *make_matrix(int rows, int cols)
{
    struct matrix *m = new(struct matrix);
    m->rows = rows;
    m->cols = cols;
    m->cells = new(double[rows * cols]);
    return m;
}

void free_matrix(struct matrix *m)
{
    delete(m->cells);
    printf("cells now %s\n", m->cells == NULL ? "NULL" : "set");
    delete(m);
}

int main(void)
{
    int *ip = new(int);
    printf("fresh int %d\n", *ip);
    *ip = 41;
    (*ip)++;
    printf("int %d\n", *ip);
    delete(ip);
    printf("ip %s\n", ip ? "set" : "NULL");
    delete(ip);

    long long n = 5;
    int (*arr)[] = new(int[n]);
    printf("array %u", lengthof(arr));
    for (unsigned i = 0; i < lengthof(arr); i++)
        printf(" %d", arr[i]);
    printf("\n");
    for (unsigned i = 0; i < lengthof(arr); i++)
        arr[i] = i * 10;
    printf("arr[4] %d\n", arr[4]);
    delete(arr);

    int (*empty)[] = new(int[0]);
    printf("empty %u %d\n", lengthof(empty), empty != NULL);
    delete(empty);

    char (*grid)[][5] = new(char[3][5]);
    printf("grid %u %u\n", lengthof(grid), lengthof(grid[2]));
    grid[2][4] = 'x';
    grid[0][0] = 'a';
    printf("grid %c %c %d\n", grid[2][4], grid[0][0], grid[1][1]);
    delete(grid);

    struct node *list = NULL;
    for (int i = 1; i <= 5; i++)
        list = push(list, i * i);
    int sum = 0;
    for (struct node *p = list; p; p = p->next) {
        printf("%d ", p->value);
        sum += p->value;
    }
    printf("sum %d\n", sum);
    while (list) {
        struct node *next = list->next;
        delete(list);
        list = next;
    }
    printf("list %s\n", list == NULL ? "empty" : "not empty");

    struct matrix *m = make_matrix(3, 4);
    printf("matrix %d %d %u\n", m->rows, m->cols, lengthof(m->cells));
    m->cells[11] = 2.5;
    printf("cell %g %g\n", m->cells[11], m->cells[0]);
    free_matrix(m);

    struct node *(*ptrs)[] = new(struct node *[3]);
    ptrs[1] = new(struct node);
    ptrs[1]->value = 9;
    printf("ptrs %d %d %d\n", ptrs[0] == NULL, ptrs[1]->value, ptrs[2] == NULL);
    delete(ptrs[1]);
    printf("element deleted %d\n", ptrs[1] == NULL);
    delete(ptrs);

    unsigned char small = 3;
    short (*s)[] = new(short[small]);
    s[2] = -1;
    printf("short %d %u\n", s[2], lengthof(s));
    delete(s);
    return 0;
}
