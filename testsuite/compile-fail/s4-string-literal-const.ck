/* §4.4: a string literal is a const char array. */
void f(void) {
    char (*p)[] = "abc";
    (*p)[0] = 'x';
}
