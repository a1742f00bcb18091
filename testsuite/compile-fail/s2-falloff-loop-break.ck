/* §2: an infinite loop with a break can complete. */
int f(int x) {
    for (;;) {
        if (x > 10)
            break;
        x++;
    }
}
