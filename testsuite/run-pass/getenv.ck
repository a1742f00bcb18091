/* getenv returns a char array or NULL. */
#include <cuckoo.ckh>

int main(void)
{
    string *v = getenv("CUCKOO_TEST_GREETING");
    if (v)
        printf("greeting [%s] %u\n", v, strlen(v));
    string *missing = getenv("CUCKOO_TEST_SURELY_UNSET");
    printf("missing %s\n", missing == NULL ? "NULL" : "set");
    string *num = getenv("CUCKOO_TEST_NUMBER");
    printf("number %d\n", num ? atoi(num) * 2 : -1);
    string *empty = getenv("CUCKOO_TEST_EMPTY");
    printf("empty %s %u\n", empty ? "set" : "NULL", empty ? strlen(empty) : 99);
    return 0;
}
