struct rec { int a; long long b; };
int get(struct rec *r) { return r->a + (int)r->b; }
