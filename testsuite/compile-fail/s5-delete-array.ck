/* §5: delete of an array. */
int g[4];
void f(void) {
    delete(g);
}
