/* Messages that send a C programmer the right way: C library functions
 * name the Cuckoo function to use, snprintf's size argument gets one
 * clear error, a string literal suggests a pointer to the whole array. */
#include <cuckoo.ckh>
int main(void) {
    const char *s = "abc";
    char buf[16];
    snprintf(buf, sizeof buf, "%d", 3);
    snprintf(buf, 16, "%d", 3);
    strcpy(buf, "x");
    int n = strtol("12", NULL, 10);
    memcmp(buf, buf, 3);
    signal(2, NULL);
    sprintf(buf, "%d", 1);
    return n;
}
