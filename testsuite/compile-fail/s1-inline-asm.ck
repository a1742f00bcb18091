/* §1: inline assembly is an error. */
void f(void) {
    asm("nop");
}
