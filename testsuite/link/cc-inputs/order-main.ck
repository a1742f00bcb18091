/* struct pair is {int a; double b;} here, {double b; int a;} in order-lib.ck */
struct pair { int a; double b; };
int get(struct pair *p);
int main(void) { struct pair q = {1, 2.0}; return get(&q); }
