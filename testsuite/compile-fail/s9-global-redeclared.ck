/* §9: a declaration without `global` does not match a definition with it. */
struct node { int v; };
struct node *saved;
void keep(struct node *n);
void keep(struct node *global n) { saved = n; }
