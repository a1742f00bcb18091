int counter(void) { return 7; }
