/* §1: setjmp/longjmp are not in Cuckoo. */
int f(void) {
    return setjmp(0);
}
