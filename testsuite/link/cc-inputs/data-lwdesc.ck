/* link/cc-forged-static-data.sh: gp and fp, which a forged start-up descriptor would set. */
#include <cuckoo.ckh>

int *gp;
void (*fp)(void);

void hello(void)
{
    printf("hello start\n");
    fflush(stdout);
    printf("hello middle\n");
    fflush(stdout);
}

int main(void)
{
    if (gp)
        printf("*gp = 0x%x\n", *gp);
    fflush(stdout);
    if (fp)
        fp();
    return 0;
}
