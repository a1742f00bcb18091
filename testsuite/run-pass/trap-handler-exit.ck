/* A trap handler sees KIND and DETAIL and may end the process with its own status. */
#include <cuckoo.ckh>

void handler(const char kind[], const char detail[])
{
    printf("handler: kind=%s detail=%s\n", kind, detail);
    printf("kind length %u\n", strlen(kind));
    exit(strcmp(kind, "bounds") == 0 ? 7 : 9);
}

int main(void)
{
    trap_handler(handler);
    int a[10];
    printf("before\n");
    for (int i = 0; i <= 10; i++)
        a[i] = i;
    printf("not reached %d\n", a[0]);
    return 0;
}
