int *kept;
int keep(int *global p) { kept = p; return *p; }
