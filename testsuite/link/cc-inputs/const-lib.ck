int first(int *p) { *p = 0; return 1; }
