/* §3: p += n is pointer arithmetic. */
void f(int *p) {
    p += 2;
}
