/* Issue 10, item 5: one run reports every error of the file.  A type
 * error in one function does not hide the lifetime errors (§9) of the
 * functions before and after it; a function with a type error of its own
 * gets no lifetime analysis (its body is not well typed), so only its
 * type error is reported. */
int *keep;
int (*keep_array)[];

/* before the type error: two lifetime errors */
void before(void) {
    int x = 1;
    int a[4];
    keep = &x;
    keep_array = &a;
}

/* the type error, and a lifetime error that is not analysed */
int ill_typed(int n) {
    int y = 2;
    keep = &y;
    return n + "one";
}

/* after the type error: two lifetime errors */
int *after(int *global p) {
    int z = 3;
    int *l = &z;
    p = l;
    return l;
}

/* well typed, no error */
int fine(int n) {
    int w = n;
    return w;
}

/* another type error: an undeclared name */
int ill_typed_too(void) {
    return missing;
}

/* and a lifetime error at the end of the file */
void last(void) {
    int v = 4;
    keep = &v;
}

int main(void) {
    return fine(0);
}
