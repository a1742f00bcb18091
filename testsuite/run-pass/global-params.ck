/* global parameters: pointers that may be stored in the heap or in globals. */
#include <cuckoo.ckh>

struct item {
    int key;
    struct item *next;
};

struct registry {
    struct item *head;
    int count;
};

struct registry *reg;
int counter_storage = 100;
int *last_counter;

void add_item(struct registry *r, struct item *global it)
{
    it->next = r->head;
    r->head = it;
    r->count++;
}

void remember(int *global p)
{
    last_counter = p;
}

void store_array(int a[global], struct item *global holder)
{
    holder->key = lengthof(a);
}

int values[5] = {1, 2, 3, 4, 5};

int sum_items(const struct registry *r)
{
    int s = 0;
    for (struct item *p = r->head; p != NULL; p = p->next)
        s += p->key;
    return s;
}

int main(void)
{
    reg = new(struct registry);
    for (int i = 1; i <= 4; i++) {
        struct item *it = new(struct item);
        it->key = i * 100;
        add_item(reg, it);
    }
    static struct item fixed = {7, NULL};
    add_item(reg, &fixed);
    add_item(reg, new(struct item));
    printf("count %d sum %d head %d\n", reg->count, sum_items(reg), reg->head->key);
    remember(&counter_storage);
    *last_counter += 1;
    printf("counter %d\n", counter_storage);
    remember(&values[2]);
    *last_counter = 30;
    printf("values %d %d\n", values[2], *last_counter);
    struct item *holder = new(struct item);
    store_array(values, holder);
    printf("holder %d\n", holder->key);
    int (*heap)[] = new(int[12]);
    store_array(heap, holder);
    printf("holder %d\n", holder->key);
    remember(reg->head->next ? &reg->head->next->key : NULL);
    printf("remembered %d\n", *last_counter);
    return 0;
}
