/* §4: a negative constant index. */
int f(void) {
    int a[10];
    return a[-1];
}
