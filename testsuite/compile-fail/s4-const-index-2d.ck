/* §4: the inner index of a 2-D array is checked against its own length. */
int m[3][4];
int f(void) {
    return m[2][4];
}
