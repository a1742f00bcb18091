/* §1: const is kept from C: a const object cannot be assigned. */
const int limit = 10;
void f(void) {
    limit = 11;
}
