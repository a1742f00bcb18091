int sum(const int v[]) {
    int s = 0;
    for (unsigned i = 0; i < lengthof(v); i++)
        s += v[i];
    return s;
}
