/* A function defined with the name of a variable: reported once, and its
 * body is not checked against the variable's type (this used to crash). */
int count;

int count(void) {
    return 0;
}
