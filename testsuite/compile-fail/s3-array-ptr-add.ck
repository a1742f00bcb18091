/* §3: arithmetic on a pointer to an array is pointer arithmetic too. */
int f(int (*p)[]) {
    return (*(p + 1))[0];
}
