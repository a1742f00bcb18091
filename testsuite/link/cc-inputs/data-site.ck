/* link/cc-forged-static-data.sh: fake, ints a forged call-site entry would take for a site record. */
#include <cuckoo.ckh>
int fake[6] = {0, 0, 0x08048001, 7, 7, 0x08048001};
int main(void) {
    unsigned n = 0;
    chan_t *c = chan_new(n);
    printf("%d %d\n", c == NULL, fake[0]);
    return 0;
}
