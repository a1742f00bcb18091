/* sees only `struct B;`: each ref agrees with its def, and the two
 * definitions would meet through it, an int read as a pointer */
struct B;
struct B *make_b(void);
int read_b(struct B *b);
int main(void) { return read_b(make_b()); }
