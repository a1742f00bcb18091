/* stdout is a FILE * the program may assign; printf through a NULL stdout
 * traps null at the call, like any NULL object argument (§12). */
#include <cuckoo.ckh>

int main(void)
{
    printf("before\n");
    stdout = NULL;
    printf("after\n");
    return 0;
}
