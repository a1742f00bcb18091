/* LIST-SORT (C version): structs and pointers.  Builds a singly linked
   list of N nodes holding pseudo-random keys, sorts it with a recursive
   merge sort that relinks the nodes (no copying), checks the order, and
   frees it; REPEAT times.  Must print the same line as list-sort.ck. */
#include <stdio.h>
#include <stdlib.h>

#define global /* Cuckoo: the parameter takes no pointer to the stack */

#ifndef N
#define N 100000
#endif
#ifndef REPEAT
#define REPEAT 20
#endif

struct node {
    struct node *next;
    int key;
    int serial;
};

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

static struct node *sort(struct node *global list, int n)
{
    if (n <= 1) {
        if (list != NULL)
            list->next = NULL;
        return list;
    }
    struct node *second = list;
    for (int i = 0; i < n / 2; i++)
        second = second->next;
    struct node *a = sort(list, n / 2);
    struct node *b = sort(second, n - n / 2);
    return merge(a, b);
}

int main(void)
{
    unsigned x = 4242;
    unsigned check = 0;
    int disorder = 0;
    for (int r = 0; r < REPEAT; r++) {
        struct node *list = NULL;
        for (int i = 0; i < N; i++) {
            struct node *n = calloc(1, sizeof(struct node));
            x = x * 1103515245u + 12345u;
            n->key = (int)(x >> 12) % 100000;
            n->serial = i;
            n->next = list;
            list = n;
        }
        list = sort(list, N);
        int position = 0;
        while (list != NULL) {
            struct node *n = list;
            if (n->next != NULL && n->key > n->next->key)
                disorder++;
            check = check * 31 + (unsigned)(n->key ^ n->serial) + (unsigned)position;
            position++;
            list = n->next;
            free(n);
        }
    }
    printf("list-sort: %d rounds of %d nodes, %d out of order, check %u\n", REPEAT, N, disorder, check);
    return 0;
}
