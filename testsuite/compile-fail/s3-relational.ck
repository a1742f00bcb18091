/* §3: pointers cannot be ordered. */
int before(int *p, int *q) {
    return p < q;
}
