/* Global initializers (nested arrays, strings, addresses) and static locals. */
#include <cuckoo.ckh>

int counter;
int primes[] = {2, 3, 5, 7, 11, 13};
int table[3][4] = {{1, 2, 3, 4}, {5}, [2] = {[3] = 9}};
char greeting[] = "hello";
char fixed[10] = "abc";
const char (*names[])[] = {"zero", "one", "two", "three"};
double weights[3] = {0.5, 0.25};
long long big = 1LL << 40;
unsigned char bytes[4] = {255, 128, 1};
int *first = &primes[0];
int (*all)[] = primes;

struct config {
    const char (*label)[];
    int levels[3];
    struct {
        short lo, hi;
    } range;
};

struct config configs[2] = {
    {"fast", {1, 2, 3}, {-5, 5}},
    {.label = "slow", .range = {.hi = 100}},
};

static int hidden = 7;

int next_id(void)
{
    static int id = 100;
    return id++;
}

int calls(void)
{
    static int n;
    static int history[4];
    history[n % 4] = n * n;
    n++;
    return history[0] + history[1] + history[2] + history[3];
}

const char (*once(void))[]
{
    static char buf[8] = "once";
    buf[0] = buf[0] == 'o' ? 'O' : 'o';
    return buf;
}

void bump(void) { counter += 10; }

int main(void)
{
    printf("counter %d\n", counter);
    bump();
    bump();
    printf("counter %d hidden %d\n", counter, hidden);
    printf("primes %u %d %d\n", lengthof(primes), primes[5], *first);
    for (unsigned i = 0; i < lengthof(table); i++)
        printf("%d %d %d %d\n", table[i][0], table[i][1], table[i][2], table[i][3]);
    printf("%s %u %s %u %d\n", greeting, lengthof(greeting), fixed, lengthof(fixed), fixed[9]);
    for (unsigned i = 0; i < lengthof(names); i++)
        printf("%s(%u) ", names[i], lengthof(names[i]));
    printf("\n");
    printf("weights %g %g %g\n", weights[0], weights[1], weights[2]);
    printf("big %lld bytes %d %d %d %d\n", big, bytes[0], bytes[1], bytes[2], bytes[3]);
    all[1] = 33;
    *first = 22;
    printf("aliases %d %d %u\n", primes[0], primes[1], lengthof(all));
    for (int i = 0; i < 2; i++)
        printf("%s %d %d %d %d %d\n", configs[i].label, configs[i].levels[0], configs[i].levels[2],
               configs[i].range.lo, configs[i].range.hi, lengthof(configs[i].levels));
    printf("ids %d %d %d\n", next_id(), next_id(), next_id());
    int h = 0;
    for (int i = 0; i < 6; i++)
        h = calls();
    printf("history %d\n", h);
    printf("%s ", once());
    printf("%s\n", once());
    greeting[0] = 'J';
    printf("%s\n", greeting);
    return 0;
}
