/* struct box holds an owned pointer here, a plain one in ownmem-lib.ck */
struct box { int *own p; };
int fill(struct box *b);
int main(void) { struct box *own b = new(struct box); int r = fill(b); delete(b); return r; }
