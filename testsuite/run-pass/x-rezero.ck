#include <cuckoo.ckh>

struct In { char s[3]; int v[2][3]; };
struct Big { int a; struct In in[2]; double d[40]; long long z; };

int total(struct Big *b)
{
    int s = 0;
    unsigned i, j, k;
    for (i = 0; i < lengthof(b->in); i++) {
        s += (int)lengthof(b->in[i].s) * 1000 + (int)lengthof(b->in[i].v) * 100 + (int)lengthof(b->in[i].v[1]) * 10;
        for (j = 0; j < lengthof(b->in[i].v); j++)
            for (k = 0; k < lengthof(b->in[i].v[j]); k++)
                s += b->in[i].v[j][k];
        s += b->in[i].s[0];
    }
    for (i = 0; i < lengthof(b->d); i++)
        s += (int)b->d[i];
    return s + b->a + (int)b->z + (int)lengthof(b->d);
}

int main(void)
{
    int round;
    for (round = 0; round < 3; round++) {
        struct Big b;
        struct In small;
        int m[2][2][2];
        printf("%d %d %d %d %d\n", total(&b), (int)lengthof(small.v[0]), small.v[1][2], (int)lengthof(m[1][0]), m[1][1][1]);
        b.a = 5;
        b.in[1].v[1][2] = 7;
        b.in[0].s[0] = 'x';
        b.d[39] = 2.5;
        b.z = 100;
        small.v[1][2] = 3;
        m[1][1][1] = 4;
        printf("%d\n", total(&b));
        switch (round) {
            int w;
        case 0:
            w = 9;
        case 1: {
            int q[3];
            printf("q %d %d %d\n", q[0], q[2], (int)lengthof(q));
            q[2] = 8;
            break;
        }
        default:
            printf("w %d\n", w);
        }
    }
    return 0;
}
