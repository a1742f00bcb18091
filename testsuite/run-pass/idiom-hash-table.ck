/* A trial program's idiom (issue 10): a key-value store, a hash table with
 * string keys (separate chaining, keys copied into the table, growth by
 * rehashing), compiled with -Wall -Wextra -Werror. */
#include <stdint.h>
#include <stddef.h>

struct entry {
    char (*key)[];              /* owned copy of the key */
    int value;
    struct entry *next;
};

struct table {
    struct entry *(*buckets)[];
    unsigned count;
};

/* FNV-1a over the bytes before the NUL */
static uint32_t hash_string(const char s[]) {
    uint32_t h = 2166136261u;
    for (unsigned i = 0; i < lengthof(s) && s[i] != '\0'; i++) {
        h ^= (uint8_t)s[i];
        h *= 16777619u;
    }
    return h;
}

static char (*copy_string(const char s[]))[] {
    char (*c)[] = new(char[strlen(s) + 1]);
    strlcpy(*c, s);
    return c;
}

static struct table *table_new(unsigned nbuckets) {
    struct table *t = new(struct table);
    t->buckets = new(struct entry *[nbuckets]);
    return t;
}

static struct entry *table_find(struct table *t, const char key[]) {
    unsigned i = hash_string(key) % lengthof(*t->buckets);
    for (struct entry *e = (*t->buckets)[i]; e != NULL; e = e->next)
        if (strcmp(*e->key, key) == 0)
            return e;
    return NULL;
}

static void table_grow(struct table *t) {
    struct entry *(*old)[] = t->buckets;
    t->buckets = new(struct entry *[lengthof(*old) * 2]);
    for (unsigned i = 0; i < lengthof(*old); i++) {
        struct entry *e = (*old)[i];
        while (e != NULL) {
            struct entry *next = e->next;
            unsigned j = hash_string(*e->key) % lengthof(*t->buckets);
            e->next = (*t->buckets)[j];
            (*t->buckets)[j] = e;
            e = next;
        }
    }
    delete(old);
}

static void table_put(struct table *t, const char key[], int value) {
    struct entry *e = table_find(t, key);
    if (e != NULL) {
        e->value = value;
        return;
    }
    if (t->count + 1 > lengthof(*t->buckets) * 3 / 4)
        table_grow(t);
    e = new(struct entry);
    e->key = copy_string(key);
    e->value = value;
    unsigned i = hash_string(key) % lengthof(*t->buckets);
    e->next = (*t->buckets)[i];
    (*t->buckets)[i] = e;
    t->count++;
}

static int table_remove(struct table *t, const char key[]) {
    unsigned i = hash_string(key) % lengthof(*t->buckets);
    struct entry *prev = NULL;
    for (struct entry *e = (*t->buckets)[i]; e != NULL; prev = e, e = e->next) {
        if (strcmp(*e->key, key) != 0)
            continue;
        if (prev == NULL)
            (*t->buckets)[i] = e->next;
        else
            prev->next = e->next;
        delete(e->key);
        delete(e);
        t->count--;
        return 1;
    }
    return 0;
}

int main(void) {
    struct table *t = table_new(4);
    char key[32];
    for (int i = 0; i < 200; i++) {
        snprintf(key, "key-%d", i);
        table_put(t, key, i * i);
    }
    table_put(t, "key-7", -7);              /* overwrite */
    printf("count %u, buckets %u\n", t->count, lengthof(*t->buckets));
    const char (*names[])[] = {"key-0", "key-7", "key-199", "key-200", "KEY-1"};
    for (unsigned i = 0; i < lengthof(names); i++) {
        struct entry *e = table_find(t, *names[i]);
        if (e != NULL)
            printf("%s = %d\n", *names[i], e->value);
        else
            printf("%s missing\n", *names[i]);
    }
    int removed = 0;
    for (int i = 0; i < 200; i += 2) {
        snprintf(key, "key-%d", i);
        removed += table_remove(t, key);
    }
    removed += table_remove(t, "key-0");    /* already gone */
    long long sum = 0;
    for (unsigned i = 0; i < lengthof(*t->buckets); i++)
        for (struct entry *e = (*t->buckets)[i]; e != NULL; e = e->next)
            sum += e->value;
    printf("removed %d, count %u, sum of values %lld\n", removed, t->count, sum);
    return 0;
}
