/* delete sets its operand to NULL (evaluated once); fresh objects are zero even when reused. */
#include <cuckoo.ckh>

struct pair {
    int a, b;
    struct pair *link;
};

struct box {
    struct pair *p;
    int (*nums)[];
};

int evaluations;

int index_of(int i)
{
    evaluations++;
    return i;
}

int main(void)
{
    for (int round = 0; round < 3; round++) {
        struct pair *p = new(struct pair);
        printf("round %d fresh %d %d %d\n", round, p->a, p->b, p->link == NULL);
        p->a = 100 + round;
        p->b = -1;
        p->link = p;
        struct pair *copy = p;
        delete(p);
        printf("after delete %d %d\n", p == NULL, copy != NULL);
    }
    for (int round = 0; round < 3; round++) {
        int (*v)[] = new(int[4]);
        int nonzero = 0;
        for (unsigned i = 0; i < lengthof(v); i++)
            nonzero += v[i] != 0;
        printf("array round %d nonzero %d len %u\n", round, nonzero, lengthof(v));
        for (unsigned i = 0; i < lengthof(v); i++)
            v[i] = 7;
        delete(v);
    }
    struct box b;
    b.p = new(struct pair);
    b.nums = new(int[2]);
    delete(b.p);
    delete(b.nums);
    printf("members %d %d\n", b.p == NULL, b.nums == NULL);

    struct pair *many[3];
    for (int i = 0; i < 3; i++)
        many[i] = new(struct pair);
    int k = 0;
    delete(many[index_of(k++)]);
    delete(many[index_of(k++)]);
    printf("elements %d %d %d k=%d evaluations=%d\n", many[0] == NULL, many[1] == NULL,
           many[2] == NULL, k, evaluations);
    delete(many[2]);
    struct box *hb = new(struct box);
    hb->nums = new(int[3]);
    hb->nums[2] = 5;
    printf("nested %d\n", hb->nums[2]);
    delete(hb->nums);
    printf("nested deleted %d\n", hb->nums == NULL);
    delete(hb);
    delete(hb);
    printf("done\n");
    return 0;
}
