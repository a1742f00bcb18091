/* '?:' with arms of unrelated struct types: one error, none cascading into
 * the use of the result. */
struct a { int v; };
struct b { int v; };

int f(int c, struct a x, struct b y) {
    return (c ? x : y).v;
}
