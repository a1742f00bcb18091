/* §1: goto within a function needs its label. */
void f(void) {
    goto done;
}
