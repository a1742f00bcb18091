/* §8: struct S * converts only to its first member's type. */
struct point { int x; double y; };
double *f(struct point *p) {
    return (double *)p;
}
