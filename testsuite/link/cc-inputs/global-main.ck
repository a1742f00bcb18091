/* keep takes a global pointer in global-lib.ck, a plain one here */
int keep(int *p);
int main(void) { int x = 5; return keep(&x); }
