/* §1: va_list is not in Cuckoo. */
void f(int n) {
    va_list ap;
}
