/* §3: p[i] on a T * that does not point to an array is an error. */
int f(int *p) {
    return p[2];
}
