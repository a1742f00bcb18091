/* §4.3: a parameter T a[N] enforces N. */
int sum10(const int v[10]);
int f(void) {
    int data[5] = {1, 2, 3, 4, 5};
    return sum10(data);
}
