/* uses scale(int, long long); param-lib.ck defines scale(int, int) */
int scale(int x, long long k);
int main(void) { return scale(2, 3); }
