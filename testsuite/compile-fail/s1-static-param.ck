/* §1: [static N] in a parameter is an error. */
int first(int a[static 4]) {
    return a[0];
}
