/* §9: `global` is part of the function's type: a function whose parameter
 * is global cannot be called through a pointer that accepts any pointer. */
struct node { int v; };
struct node *saved;
void keep(struct node *global n) { saved = n; }
void (*fp)(struct node *n) = keep;
