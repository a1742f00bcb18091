/* §1: wide strings are an error. */
int f(void) {
    return lengthof(L"wide");
}
