/* §8: casts between unrelated pointer types are an error. */
float *f(int *p) {
    return (float *)p;
}
