int sum(long long v);
int unused_thing(void) { return sum(1); }
