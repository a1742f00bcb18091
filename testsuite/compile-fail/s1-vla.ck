/* §1, §4: variable-length arrays are an error; new(T[n]) is the way. */
int f(int n) {
    int a[n];
    return lengthof(a);
}
