/* §4: lengthof needs an array. */
unsigned f(int x) {
    return lengthof(x);
}
