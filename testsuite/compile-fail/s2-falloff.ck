/* §2: falling off the end of a non-void function is an error. */
int sign(int x) {
    if (x < 0)
        return -1;
    else if (x > 0)
        return 1;
}
