/* §8: no casts between integers and pointers. */
int *f(int x) {
    return (int *)x;
}
