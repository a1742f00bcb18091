/* §3: p++ is pointer arithmetic. */
void f(int *p) {
    p++;
}
