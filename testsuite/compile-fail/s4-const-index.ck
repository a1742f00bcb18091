/* §4: a constant index out of range of an array of known length. */
int f(void) {
    int a[10];
    return a[10];
}
