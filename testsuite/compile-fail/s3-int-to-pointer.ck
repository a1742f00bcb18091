/* §3: no integer to pointer conversion except NULL and 0. */
int *f(void) {
    return 4096;
}
