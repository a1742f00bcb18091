/* §3: p + n is pointer arithmetic. */
int f(int *p) {
    int *q = p + 1;
    return *q;
}
