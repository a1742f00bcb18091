/* helper is defined here and again in dup-b.ck */
int helper(void) { return 1; }
int main(void) { return helper(); }
