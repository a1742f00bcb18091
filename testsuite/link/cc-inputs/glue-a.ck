/* struct B holds an int here ... */
struct B { int x; };
struct B *make_b(void) { struct B *b = new(struct B); b->x = 0x41414141; return b; }
