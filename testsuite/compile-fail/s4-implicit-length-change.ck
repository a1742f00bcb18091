/* §4.2: T (*)[M] to T (*)[N] is not implicit, even when M > N. */
int f(int (*p)[20]) {
    int (*q)[10] = p;
    return (*q)[0];
}
