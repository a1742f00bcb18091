/* §3: p - q is pointer arithmetic. */
int f(int *p, int *q) {
    return p - q;
}
