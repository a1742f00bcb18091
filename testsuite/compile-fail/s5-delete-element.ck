/* §5: delete of &a[i]. */
void f(int (*a)[]) {
    delete(&(*a)[0]);
}
