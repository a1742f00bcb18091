int keep(int *p) { return *p; }
