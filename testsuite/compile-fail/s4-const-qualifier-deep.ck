/* §4.2: T ** to const T ** is refused, as in C. */
void g(const int **pp);
void f(int **pp) {
    g(pp);
}
