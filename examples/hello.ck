/* hello.ck -- the first Cuckoo program: arrays know their length. */
#include <cuckoo.ckh>

int sum(const int v[]) {
    int s = 0;
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v[i];
    return s;
}

int main(void) {
    int data[4] = {1, 2, 3, 4};
    printf("hello from Cuckoo: sum = %d\n", sum(data));
    return 0;
}
