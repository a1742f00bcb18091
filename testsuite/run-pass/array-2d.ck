/* Two- and three-dimensional arrays: each dimension has its own length. */
#include <cuckoo.ckh>

int row_sum(const int v[])
{
    int s = 0;
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v[i];
    return s;
}

int main(void)
{
    int m[3][4];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++)
            m[i][j] = i * 10 + j;
    printf("dims %u %u\n", lengthof(m), lengthof(m[0]));
    for (unsigned i = 0; i < lengthof(m); i++) {
        for (unsigned j = 0; j < lengthof(m[i]); j++)
            printf("%3d", m[i][j]);
        printf(" | %d\n", row_sum(m[i]));
    }
    int t[4][3];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++)
            t[j][i] = m[i][j];
    printf("t[3] = %d %d %d\n", t[3][0], t[3][1], t[3][2]);

    int id[3][3] = {{1, 0, 0}, {0, 1}, [2] = {[2] = 1}};
    int prod[3][3];
    int k[3][3] = {{2, 3, 4}, {5, 6, 7}, {8, 9, 10}};
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            for (int l = 0; l < 3; l++)
                prod[i][j] += k[i][l] * id[l][j];
    int same = 1;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            if (prod[i][j] != k[i][j])
                same = 0;
    printf("identity %d trace %d\n", same, prod[0][0] + prod[1][1] + prod[2][2]);

    char grid[3][6] = {"abc", "defgh", ""};
    for (unsigned i = 0; i < lengthof(grid); i++)
        printf("[%s]", grid[i]);
    printf("\n");
    grid[2][0] = 'X';
    printf("%s %c\n", grid[2], grid[1][4]);

    int cube[2][3][4];
    int n = 0;
    for (unsigned i = 0; i < lengthof(cube); i++)
        for (unsigned j = 0; j < lengthof(cube[i]); j++)
            for (unsigned l = 0; l < lengthof(cube[i][j]); l++)
                cube[i][j][l] = n++;
    printf("cube %d %d %u %u\n", cube[1][2][3], cube[1][0][2], sizeof(cube), lengthof(cube[1][1]));
    int (*rowp)[4] = m[1];
    printf("rowp %d %u\n", rowp[3], lengthof(rowp));
    return 0;
}
