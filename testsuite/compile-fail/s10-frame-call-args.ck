/* §10: the outgoing arguments are part of the caller's frame: a call whose
 * struct arguments total more than 2^31 - 1 bytes makes it too large (the
 * sum wrapped, and the arguments were copied over the frames above). */
struct Big {
  char a[1500000000];
};

extern int f(struct Big x, struct Big y);
struct Big gb;

int main(void) { return f(gb, gb); }
