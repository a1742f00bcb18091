/* §8: only adding qualifiers is allowed. */
int *f(const int *p) {
    return (int *)p;
}
