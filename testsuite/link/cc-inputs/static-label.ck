/* link/cc-forged-static-label.sh: gi and gp, two static objects; the
 * forgery makes gi a bare label on gp's bytes. */
#include <cuckoo.ckh>

static int gi;
int *gp;

int main(void)
{
    gi = 1234;
    if (gp)
        *gp = 7;
    return gi;
}
