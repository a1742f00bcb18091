/* A cast to a struct type in an initializer is reported once (it used to
 * be checked, and reported, twice). */
struct point {
    int x, y;
};

int f(struct point p) {
    struct point q = (struct point)p;
    return q.x;
}
