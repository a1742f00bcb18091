struct pair { double b; int a; };
int get(struct pair *p) { return p->a; }
