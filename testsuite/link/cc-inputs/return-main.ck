/* twice returns long long here, int in return-lib.ck */
long long twice(int x);
int main(void) { return (int)twice(21); }
