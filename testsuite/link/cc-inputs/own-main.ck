/* keep takes an owned pointer here, a plain one in own-lib.ck */
int keep(int *own p);
int main(void) { return keep(new(int)); }
