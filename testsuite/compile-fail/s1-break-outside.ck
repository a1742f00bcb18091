/* §1: break outside a loop or switch. */
void f(void) {
    break;
}
