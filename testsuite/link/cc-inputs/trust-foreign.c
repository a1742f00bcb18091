/* C, compiled by gcc -m32: linked only with --trust */
int triple(int x) { return 3 * x; }
