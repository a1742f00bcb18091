/* _Bool, bool, true, false; logical operators and short-circuiting. */
#include <cuckoo.ckh>

int calls;

bool touch(bool v)
{
    calls++;
    return v;
}

_Bool is_positive(int x) { return x > 0; }

int main(void)
{
    _Bool b = 5;
    bool c = 0.25;
    bool d = -1;
    bool e = 0;
    printf("conv %d %d %d %d %u\n", b, c, d, e, sizeof(bool));
    printf("keywords %d %d %d\n", true, false, true + true);
    b = b + 1;
    printf("b+1 %d\n", b);
    b = 256;
    printf("256 %d\n", b);
    bool flags[4] = {true, false, 7, 0};
    int set = 0;
    for (unsigned i = 0; i < lengthof(flags); i++)
        set += flags[i];
    printf("set %d\n", set);
    calls = 0;
    bool r = touch(false) && touch(true);
    printf("and %d calls %d\n", r, calls);
    calls = 0;
    r = touch(true) || touch(false);
    printf("or %d calls %d\n", r, calls);
    calls = 0;
    r = touch(true) && touch(false) || touch(true);
    printf("mixed %d calls %d\n", r, calls);
    printf("not %d %d %d\n", !0, !7, !!-3);
    int *p = NULL;
    int x = 3;
    printf("ptr %d %d\n", p && *p, !p || *p);
    p = &x;
    printf("ptr %d\n", p && *p == 3);
    printf("pos %d %d\n", is_positive(4), is_positive(-4));
    bool toggled = false;
    for (int i = 0; i < 5; i++)
        toggled = !toggled;
    printf("toggled %d\n", toggled);
    if (0.0)
        printf("wrong\n");
    else
        printf("double false\n");
    double half = 0.5;
    printf("double truth %d %d\n", !half, half && 1);
    return 0;
}
