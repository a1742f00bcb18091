/* §4: an array's name is not a pointer to its first element. */
void f(void) {
    char a[5];
    char *p = a;
}
