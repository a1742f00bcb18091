/* link/cc-forged-domain-state.sh, cc-forged-mergeable.sh: f takes its state as a plain
 * pointer; the forgery says owned, which would let it delete the state. */
#include <cuckoo.ckh>

struct st {
    int x;
};

struct st *st_setup(void)
{
    return new(struct st);
}

int f(struct st *s, int k)
{
    return s->x + k;
}

int main(void)
{
    domain_t *d = domain_new(st_setup);
    printf("%d\n", domain_call(d, f, 1));
    return 0;
}
