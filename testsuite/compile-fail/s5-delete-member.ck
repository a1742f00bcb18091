/* §5: delete of &s.f. */
struct pair { int a, b; };
void f(struct pair *p) {
    delete(&p->b);
}
