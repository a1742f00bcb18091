/* §5: delete of &x is visibly not the result of new. */
void f(void) {
    int x;
    delete(&x);
}
