/* first takes const int * here, int * in const-lib.ck */
int first(const int *p);
int main(void) { int x = 5; return first(&x); }
