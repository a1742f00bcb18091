/* §3: no pointer to integer conversion. */
int f(int *p) {
    int a = (int)p;
    return a;
}
