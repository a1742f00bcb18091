/* §1: an unprototyped f() means f(void), so an argument is too many. */
int f();
int g(void) {
    return f(1);
}
