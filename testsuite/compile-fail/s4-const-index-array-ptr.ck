/* §4.1: for T (*p)[N] the length in the type bounds constant indexes. */
int f(int (*p)[4]) {
    return (*p)[4];
}
