/* §6: members of an incomplete struct are not known. */
struct opaque;
int f(struct opaque *o) {
    return o->count;
}
