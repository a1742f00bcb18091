/* §7: no variadic functions may be declared or defined. */
int sum(int n, ...) {
    return n;
}
