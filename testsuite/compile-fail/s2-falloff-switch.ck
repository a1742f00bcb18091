/* §2: a switch without default can complete normally. */
int name(int x) {
    switch (x) {
    case 0: return 10;
    case 1: return 20;
    }
}
