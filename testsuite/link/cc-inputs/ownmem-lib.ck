struct box { int *p; };
int fill(struct box *b) { b->p = new(int); return 0; }
