/* §4: sizeof of an unsized array type: use lengthof. */
unsigned f(int (*p)[]) {
    return sizeof(*p);
}
