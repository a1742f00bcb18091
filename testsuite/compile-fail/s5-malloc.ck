/* §5: there is no malloc; use new. */
int *f(void) {
    return malloc(4);
}
