/* §6: an incomplete struct can be used only through pointers. */
struct mutex;
int f(struct mutex *m) {
    struct mutex copy = *m;
    return 0;
}
