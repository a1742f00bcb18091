/* §3: == between pointers of different types is an error. */
int same(int *p, char *q) {
    return p == q;
}
