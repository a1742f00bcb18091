/* struct rec here has two ints; layout-lib.ck's has an int and a long long */
struct rec { int a; int b; };
int get(struct rec *r);
int main(void) { struct rec r = {1, 2}; return get(&r); }
