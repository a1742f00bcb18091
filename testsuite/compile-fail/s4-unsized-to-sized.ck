/* §4.2: T (*)[] to T (*)[N] needs a cast. */
int f(int (*p)[]) {
    int (*q)[10] = p;
    return (*q)[0];
}
