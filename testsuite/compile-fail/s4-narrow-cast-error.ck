/* §4.2: a cast from T (*)[M] to T (*)[N] with M < N is an error. */
int f(int (*p)[5]) {
    int (*q)[10] = (int (*)[10])p;
    return (*q)[0];
}
