/* §4.2: const cannot be dropped from the element type. */
void fill(int v[]);
void f(const int v[]) {
    fill(v);
}
