/* counter is an int here, a function in funcdata-lib.ck */
extern int counter;
int main(void) { return counter; }
