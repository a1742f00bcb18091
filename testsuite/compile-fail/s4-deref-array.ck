/* §4: *a is the array char[5], not a char. */
char f(void) {
    char a[5];
    char c1 = *a;
    return c1;
}
