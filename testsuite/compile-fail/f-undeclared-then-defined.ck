/* A function used before its declaration: reported as undeclared once,
 * and its later definition is not also a "different kind of symbol". */
int (*handler)(void) = on_start;

int on_start(void) {
    return 0;
}
