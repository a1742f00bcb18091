/* uses sum(const int v[]); arraylen-lib.ck defines sum(const int v[10]) */
int sum(const int v[]);
int main(void) { int d[10] = {1, 2, 3}; return sum(d); }
