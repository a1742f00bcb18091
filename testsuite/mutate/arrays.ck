/* Mutation input: arrays of known and unknown length, indexed by values
   that come from argc, from memory and from parameters. */
#include <cuckoo.ckh>

int table[10];
int (*last)[];

int get(const int (*a)[], int i) { return (*a)[i]; }

int get8(const int (*a)[8], unsigned i) { return (*a)[i]; }

void copy(int (*d)[], const int (*s)[])
{
    for (unsigned i = 0; i < lengthof(s); i++)
        d[i] = s[i];
}

int indirect(const int (*idx)[], const int (*v)[])
{
    int s = 0;
    for (unsigned k = 0; k < lengthof(idx); k++)
        s += v[idx[k]];
    return s;
}

/* -O2 drops the check: the mask bounds the index (cc/opt.c) */
int masked(unsigned h) { return table[h & 7]; }

int main(int argc, string *argv[])
{
    int loc[8];
    loc[argc] = 3;
    table[argc] = get(loc, argc) + get8(loc, argc);
    int (*h)[] = new(int[12]);
    copy(h, loc);
    last = h;
    int (*ix)[] = new(int[3]);
    ix[2] = argc;
    printf("%d %d %d %u\n", table[argc], indirect(ix, loc), h[argc + 6], lengthof(argv));
    return 0;
}
