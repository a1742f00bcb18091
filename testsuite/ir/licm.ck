/* -O2 (the IR is opt/licm.ir; run-pass/opt-licm.ck runs it): integer and
   address arithmetic that a loop does not change moves to the loop's
   preheader (cc/opt/licm.c); what can trap or read memory stays. */
#include <cuckoo.ckh>

static unsigned a[8][6], b[6][8], c[8][8];

/* the row addresses of c[i] and b[k] leave the inner loop; c[i]'s goes on
   out of the k loop too */
void multiply(void)
{
    for (int i = 0; i < 8; i++)
        for (int k = 0; k < 6; k++) {
            unsigned aik = a[i][k];
            for (int j = 0; j < 8; j++)
                c[i][j] += aik * b[k][j];
        }
}

/* stays: the division can trap (d == 0), so it must not run when the loop
   does not; the load of *p reads memory the loop stores to */
int stays(int n, int d, int *p)
{
    int s = 0;
    for (int i = 0; i < n; i++) {
        s += 1000 / d;
        *p = *p + 1;
        s += *p;
    }
    return s;
}

/* the row address b[k + 1] leaves the inner loop, but its check (k + 1 may
   be 6) stays inside, where it is at -O0 */
unsigned next_row(int last)
{
    unsigned s = 0;
    for (int k = 0; k < last; k++)
        for (int j = 0; j < 8; j++)
            s += b[k + 1][j];
    return s;
}
