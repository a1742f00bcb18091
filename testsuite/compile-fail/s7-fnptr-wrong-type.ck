/* §7: a function pointer points to a function of exactly its type. */
int twice(int x) { return 2 * x; }
long (*fp)(int) = twice;
