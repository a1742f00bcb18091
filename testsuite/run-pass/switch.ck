/* switch: fallthrough, default anywhere, nesting, break and continue. */
#include <cuckoo.ckh>

int classify(int n)
{
    int r = 0;
    switch (n) {
    case 0:
        r += 1;
    case 1:
        r += 10;
        break;
    default:
        r += 1000;
    case 2:
    case 3:
        r += 100;
        break;
    case -1:
        return -1;
    }
    return r;
}

const char (*kind(char c))[]
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
        return "vowel";
    case ' ':
        return "space";
    default:
        if (c >= '0' && c <= '9')
            return "digit";
        return "consonant";
    }
}

int main(void)
{
    for (int n = -1; n <= 4; n++)
        printf("classify(%d) = %d\n", n, classify(n));
    const char text[] = "hi 42";
    for (unsigned i = 0; i + 1 < lengthof(text); i++)
        printf("%c:%s ", text[i], kind(text[i]));
    printf("\n");
    int evens = 0, odds = 0, skipped = 0;
    for (int i = 0; i < 10; i++) {
        switch (i % 3) {
        case 0:
            skipped++;
            continue;
        case 1:
            switch (i % 2) {
            case 0: evens++; break;
            default: odds++; break;
            }
            break;
        default:
            odds += 100;
        }
        evens += 1000;
    }
    printf("evens %d odds %d skipped %d\n", evens, odds, skipped);
    long long big = 1LL << 33;
    switch (big) {
    case 1:
        printf("wrong\n");
        break;
    case 1LL << 33:
        printf("long long case\n");
        break;
    }
    unsigned char u = 200;
    switch (u) {
    case 200: printf("unsigned char case\n");
    }
    switch (3) {
    default:
        printf("only default\n");
    }
    switch (5) {
        printf("never\n");
    case 4:
        printf("not four\n");
    }
    return 0;
}
