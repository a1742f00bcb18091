/* A trap handler that returns: the runtime error line is still written, status 134. */
#include <cuckoo.ckh>

int seen;

void note(const char kind[], const char detail[])
{
    seen++;
    printf("handler %d: %s / %s\n", seen, kind, detail);
}

int main(void)
{
    trap_handler(note);
    int *p = NULL;
    printf("before\n");
    *p = 1;
    return 0;
}
