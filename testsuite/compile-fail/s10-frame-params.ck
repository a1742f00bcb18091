/* §10: parameters larger than 2^31 - 1 bytes together (each struct is
 * smaller) are an error: their offsets do not fit. */
struct Big {
  char a[1500000000];
};

int f(struct Big x, struct Big y) { return x.a[0] + y.a[0]; }
