/* missing is declared and called, and defined nowhere */
int missing(int x);
int main(void) { return missing(1); }
