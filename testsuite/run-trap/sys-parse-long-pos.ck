/* parse_long's *pos past the end of its array traps bounds. */
#include <cuckoo.ckh>

int main(void)
{
    unsigned pos = 5;
    long long v;
    printf("%d\n", parse_long("1234", &pos, 10, &v));
    pos = 6;
    printf("%d\n", parse_long("1234", &pos, 10, &v));
    return 0;
}
