/* A chained hash table of words read from a string, with heap strings. */
#include <cuckoo.ckh>

struct entry {
    char (*word)[];
    int count;
    struct entry *next;
};

struct table {
    struct entry *(*buckets)[];
    int size;
};

unsigned hash(const char s[])
{
    unsigned h = 5381;
    for (unsigned i = 0; i < lengthof(s) && s[i]; i++)
        h = h * 33 + s[i];
    return h;
}

struct table *table_new(int nbuckets)
{
    struct table *t = new(struct table);
    t->buckets = new(struct entry *[nbuckets]);
    return t;
}

void table_add(struct table *t, const char word[])
{
    unsigned b = hash(word) % lengthof(t->buckets);
    for (struct entry *e = t->buckets[b]; e; e = e->next)
        if (strcmp(e->word, word) == 0) {
            e->count++;
            return;
        }
    struct entry *e = new(struct entry);
    e->word = new(char[strlen(word) + 1]);
    strlcpy(e->word, word);
    e->count = 1;
    e->next = t->buckets[b];
    t->buckets[b] = e;
    t->size++;
}

int table_get(const struct table *t, const char word[])
{
    for (struct entry *e = t->buckets[hash(word) % lengthof(t->buckets)]; e; e = e->next)
        if (strcmp(e->word, word) == 0)
            return e->count;
    return 0;
}

void table_free(struct table *t)
{
    for (unsigned b = 0; b < lengthof(t->buckets); b++) {
        struct entry *e = t->buckets[b];
        while (e) {
            struct entry *next = e->next;
            delete(e->word);
            delete(e);
            e = next;
        }
    }
    delete(t->buckets);
    delete(t);
}

int main(void)
{
    const char text[] = "the cat and the dog and the bird saw a cat chase the dog";
    struct table *t = table_new(7);
    char word[16];
    unsigned w = 0;
    for (unsigned i = 0; i < lengthof(text); i++) {
        char c = text[i];
        if (c == ' ' || c == '\0') {
            if (w > 0) {
                word[w] = '\0';
                table_add(t, word);
                w = 0;
            }
        } else if (w + 1 < lengthof(word)) {
            word[w++] = c;
        }
    }
    printf("distinct %d\n", t->size);
    const char (*queries[])[] = {"the", "cat", "dog", "and", "bird", "fish", "a"};
    for (unsigned i = 0; i < lengthof(queries); i++)
        printf("%s=%d ", queries[i], table_get(t, queries[i]));
    printf("\n");
    printf("hash %u %u\n", hash("abc"), hash(""));
    table_free(t);
    return 0;
}
