/* ... and a pointer here */
struct B { int *p; };
int read_b(struct B *b) { return b->p ? *b->p : -1; }
